package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;

/**
 * The recurring reviews as recorded at the moment, soonest due first: of the service given (null: of every
 * service in operation), only those past due if {@code pastDueOnly}.
 */
public record FindReviews(Moment moment, @Nullable CloudServiceId serviceId, boolean pastDueOnly) {
}
