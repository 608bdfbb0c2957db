package se.molnkoll.kernel.query;

/** Totals over every cloud service that is not decommissioned. Answer: {@link PortfolioTotals}. */
public record FindPortfolioTotals(Moment moment) {
}
