package se.molnkoll.command.violation;

import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.query.api.ReadModels;

/** Breaks a rule on purpose (RulesBiteTest): the command side asking a read model. */
public class CommandReadingAReadModel {
    public boolean visible(ReadModels readModels, CloudServiceId service) {
        return readModels.awaitVisible(service);
    }
}
