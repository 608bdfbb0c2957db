package se.molnkoll.kernel.query;

/**
 * The residual-risk acceptances in force on the moment's day whose last day is within {@code withinDays}
 * of it, as recorded at the moment, soonest first: those whose end is to be warned about.
 */
public record FindEndingAcceptances(Moment moment, int withinDays) {
}
