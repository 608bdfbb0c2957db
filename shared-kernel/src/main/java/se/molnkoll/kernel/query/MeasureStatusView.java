package se.molnkoll.kernel.query;

import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;

import java.util.List;

/** The status of one applicable measure in one phase, with the evidence that counts towards it. */
public record MeasureStatusView(MeasureId measureId, Phase phase, MeasureStatus status, List<EvidenceId> evidenceIds) {
}
