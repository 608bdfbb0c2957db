package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An open measure in a phase, or a proposal waiting for the risk owner, given to a person with a due
 * date, as recorded: {@code done} once completed (by a person, or because the measure closed or the
 * proposal was decided: {@code completedBecause}). {@code overdue}: open and due before the day asked about.
 */
public record TaskView(
        CloudServiceId serviceId,
        String serviceName,
        String organisationUnit,
        String taskId,
        @Nullable MeasureId measureId,
        @Nullable Phase phase,
        @Nullable String proposalId,
        String assignee,
        LocalDate dueOn,
        @Nullable String note,
        String assignedBy,
        Instant assignedAt,
        boolean done,
        @Nullable LocalDate completedOn,
        @Nullable String completedBecause,
        @Nullable String completionNote,
        boolean overdue) {
}
