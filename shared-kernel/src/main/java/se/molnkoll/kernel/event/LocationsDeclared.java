package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.DeclaredLocations;

/** Where the service's data is stored and processed, and by which of the vendor's sub-processors, was declared (in place of what was declared before). */
@Revision("1")
public record LocationsDeclared(CloudServiceId cloudServiceId, DeclaredLocations locations) implements CloudServiceEvent {
}
