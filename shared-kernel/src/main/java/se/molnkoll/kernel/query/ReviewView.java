package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * A recurring review of a measure in operation, as recorded: due by {@code dueOn}; past due from
 * {@code pastDueFrom} (null while not); the last review, if any, with what it found and who did it.
 */
public record ReviewView(
        CloudServiceId serviceId,
        String serviceName,
        String organisationUnit,
        MeasureId measureId,
        Phase phase,
        LocalDate dueOn,
        @Nullable LocalDate pastDueFrom,
        @Nullable LocalDate lastReviewedOn,
        @Nullable String lastOutcome,
        @Nullable String lastNote,
        @Nullable String lastReference,
        @Nullable String lastReviewer) {
}
