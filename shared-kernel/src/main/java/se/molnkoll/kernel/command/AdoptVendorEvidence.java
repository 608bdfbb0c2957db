package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.util.Set;

/**
 * Let evidence recorded on the service's vendor count for this service, for the measures in the phases named, as the
 * service's own evidence {@code evidenceId} (chosen by the sender): adopted again after the service withdrew its copy,
 * it is a new copy.
 */
public record AdoptVendorEvidence(@TargetAggregateIdentifier CloudServiceId cloudServiceId, se.molnkoll.kernel.EvidenceId evidenceId,
                                  String vendorEvidenceId, Set<MeasureId> measureIds, Set<Phase> phases) {

    public AdoptVendorEvidence {
        measureIds = Set.copyOf(measureIds);
        phases = Set.copyOf(phases);
    }
}
