package se.molnkoll.query.violation;

import se.molnkoll.command.CloudService;

/** Breaks a rule on purpose (RulesBiteTest): the query side using the command side. */
public class QueryUsingTheAggregate {
    public String aggregate() {
        return CloudService.class.getSimpleName(); // a constant of it would be inlined, not a dependency
    }
}
