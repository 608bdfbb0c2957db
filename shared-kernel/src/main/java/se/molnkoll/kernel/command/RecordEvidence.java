package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;
import java.util.Set;

/**
 * Record evidence a vendor (or VGR itself) produced. It covers each named measure in each named
 * phase that the measure belongs to.
 */
public record RecordEvidence(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        EvidenceId evidenceId,
        Set<MeasureId> measureIds,
        Set<Phase> phases,
        EvidenceKind kind,
        String title,
        String issuer,
        LocalDate receivedOn,
        LocalDate validFrom,
        LocalDate validUntil,
        String documentSha256,
        String reference) {

    public RecordEvidence {
        measureIds = Set.copyOf(measureIds);
        phases = Set.copyOf(phases);
    }
}
