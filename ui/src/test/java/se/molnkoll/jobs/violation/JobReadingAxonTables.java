package se.molnkoll.jobs.violation;

import se.molnkoll.query.persistence.AxonTables;

/** Breaks a rule on purpose (RulesBiteTest): the application reaching past the query side's API. */
public class JobReadingAxonTables {
    public long events(AxonTables tables) {
        return tables.eventCount();
    }
}
