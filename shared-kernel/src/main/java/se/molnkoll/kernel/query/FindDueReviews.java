package se.molnkoll.kernel.query;

/** Recurring reviews of services in operation past their due date whose lapse is not yet recorded, at most {@code limit}. */
public record FindDueReviews(int limit) {
}
