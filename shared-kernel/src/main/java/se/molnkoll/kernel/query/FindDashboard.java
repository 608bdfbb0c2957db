package se.molnkoll.kernel.query;

/** The portfolio at a glance. Answer: {@link Dashboard}. */
public record FindDashboard(int expiringWithinDays, Moment moment) {
}
