package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasurePhase;

import java.time.LocalDate;
import java.util.List;

/**
 * The use of a service in operation changed, so its risk analysis must be updated (measure 42: "ska
 * uppdateras vid förändrad funktionalitet samt vid förändrad användning"): the (measure, phase) pairs in
 * {@code reopened} lost whatever covered them and must be done again.
 *
 * @param because why: {@code CLASSIFICATION_CHANGED}, a new classification of the information it handles
 */
@Revision("1")
public record RiskAnalysisReopened(
        CloudServiceId cloudServiceId,
        List<MeasurePhase> reopened,
        LocalDate reopenedOn,
        String because) implements CloudServiceEvent {

    /** A new classification while in operation: the use changed. */
    public static final String CLASSIFICATION_CHANGED = "CLASSIFICATION_CHANGED";

    public RiskAnalysisReopened {
        reopened = List.copyOf(reopened);
    }
}
