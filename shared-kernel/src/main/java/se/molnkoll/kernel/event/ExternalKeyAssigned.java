package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;

/**
 * The service is known in the region's own register by this key (its id column in the spreadsheet it
 * was imported from): what a later import of the same register finds it by.
 */
@Revision("1")
public record ExternalKeyAssigned(
        CloudServiceId cloudServiceId,
        String externalKey) implements CloudServiceEvent {
}
