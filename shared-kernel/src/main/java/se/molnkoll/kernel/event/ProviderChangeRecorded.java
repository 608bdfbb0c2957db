package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasurePhase;

import java.time.LocalDate;
import java.util.List;

/**
 * The provider changed the service (measure 17). The (measure, phase) pairs in {@code reopened}
 * lost whatever covered them and must be done again: the risk analysis (measure 42) has to be
 * updated when functionality changes.
 */
@Revision("1")
public record ProviderChangeRecorded(
        CloudServiceId cloudServiceId,
        String description,
        LocalDate changedOn,
        List<MeasurePhase> reopened) implements CloudServiceEvent {

    public ProviderChangeRecorded {
        reopened = List.copyOf(reopened);
    }
}
