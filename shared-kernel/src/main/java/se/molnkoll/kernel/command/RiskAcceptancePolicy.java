package se.molnkoll.kernel.command;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * How long a residual-risk acceptance may be made for: its end date is mandatory and at most
 * {@code longest} after the day it is proposed (molnkoll.risk-acceptance.longest, 3 years unless
 * configured otherwise). Renewal is a new proposal and a new approval.
 */
public record RiskAcceptancePolicy(Period longest) {

    public static final RiskAcceptancePolicy DEFAULT = new RiskAcceptancePolicy(Period.ofYears(3));

    public RiskAcceptancePolicy {
        Objects.requireNonNull(longest, "longest");
        if (longest.isNegative() || longest.isZero()) {
            throw new IllegalArgumentException("The longest span of a risk acceptance must be positive, not " + longest);
        }
    }

    /** The last day an acceptance proposed on {@code day} may hold. */
    public LocalDate latestEnd(LocalDate day) {
        return day.plus(longest);
    }
}
