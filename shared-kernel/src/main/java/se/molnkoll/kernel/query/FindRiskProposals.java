package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;

/**
 * The residual-risk proposals as recorded at the moment, oldest first: those in {@code state} (null:
 * all), of the service given (null: of every service not archived).
 */
public record FindRiskProposals(Moment moment, RiskProposalView.@Nullable State state,
                                se.molnkoll.kernel.@Nullable CloudServiceId serviceId) {
}
