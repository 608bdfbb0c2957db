package se.molnkoll.api.violation;

import se.molnkoll.jobs.ExpirySweep;

/** Breaks a rule on purpose (RulesBiteTest): the API running the expiry sweep itself. */
public class ApiRunningAJob {
    public void sweep(ExpirySweep sweep) {
        sweep.sweep();
    }
}
