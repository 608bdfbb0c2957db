package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasurePhase;

import se.molnkoll.kernel.compliance.Validity;

import java.time.LocalDate;
import java.util.List;

/**
 * Evidence was received and covers the listed (measure, phase) pairs while it is valid.
 *
 * @param receivedOn    the business date the evidence was handed over
 * @param validFrom     first day it is valid, or null if valid from the start
 * @param validUntil    last day it is valid (inclusive), or null if it does not lapse
 * @param documentSha256 the SHA-256 declared for the document, lower-case hex, or null
 */
@Revision("1")
public record EvidenceReceived(
        CloudServiceId cloudServiceId,
        EvidenceId evidenceId,
        List<MeasurePhase> covers,
        EvidenceKind kind,
        String title,
        String issuer,
        LocalDate receivedOn,
        LocalDate validFrom,
        LocalDate validUntil,
        String documentSha256,
        String reference) implements CloudServiceEvent {

    public EvidenceReceived {
        covers = List.copyOf(covers);
    }

    /** The days the evidence counts ({@link Validity#ofEvidence}). */
    public Validity validity() {
        return Validity.ofEvidence(validFrom, receivedOn, validUntil);
    }
}
