package se.molnkoll.kernel.event;

/**
 * A fact about how Molnkoll applies the routine to every service, changed by an administrator: recorded
 * on an aggregate of its own ({@link #settingsId()}), in the audit trail and the hash chain like a
 * service's events.
 */
public sealed interface SettingsEvent permits ReviewScheduleChanged, CountryRuleChanged {

    /** The settings aggregate's id: a fixed UUID per kind of setting. */
    String settingsId();
}
