package se.molnkoll.reports;

import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.EvidenceStatus;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.RiskAcceptanceView;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** What of a service lapses within the warning window of the day its statuses are judged for: the service page and its report say the same. */
public final class Lapsing {

    private Lapsing() {
    }

    /** Valid evidence whose last day falls within the window: the days each has left. */
    public static Map<EvidenceId, Long> evidenceExpiringIn(CloudServiceView view, int warningDays) {
        Map<EvidenceId, Long> expiring = new HashMap<>();
        for (EvidenceView e : view.evidence()) {
            if (e.status() != EvidenceStatus.VALID || e.validUntil() == null) continue;
            long days = ChronoUnit.DAYS.between(view.statusDate(), e.validUntil());
            if (days >= 0 && days <= warningDays) expiring.put(e.id(), days);
        }
        return expiring;
    }

    /** Risk acceptances in force that end within the window: the days each has left. */
    public static Map<RiskAcceptanceView, Long> acceptancesEndingIn(CloudServiceView view, int warningDays) {
        Map<RiskAcceptanceView, Long> ending = new HashMap<>();
        for (RiskAcceptanceView r : view.riskAcceptances()) {
            if (!r.inForce() || r.validUntil() == null) continue;
            long days = ChronoUnit.DAYS.between(view.statusDate(), r.validUntil());
            if (days >= 0 && days <= warningDays) ending.put(r, days);
        }
        return ending;
    }
}
