package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;

/** Withdraw evidence that should no longer count (wrong document, revoked certificate, ...). */
public record WithdrawEvidence(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        EvidenceId evidenceId,
        String reason) {
}
