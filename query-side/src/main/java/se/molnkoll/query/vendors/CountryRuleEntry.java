package se.molnkoll.query.vendors;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import se.molnkoll.kernel.catalogue.CountryRules.Adequacy;
import se.molnkoll.kernel.catalogue.CountryRules.CountryRule;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;

/** One version of an administrator's change of a country's rule; the shipped rules hold where there is none. */
@Entity
@Table(name = "country_rule")
public class CountryRuleEntry extends VersionedRow {

    private String country;
    private boolean euEea;
    private LocalDate adequacyDecidedOn;
    private Boolean adequacyWhole;
    private String adequacyReference;
    private String reason;
    private String changedBy;

    protected CountryRuleEntry() {
    }

    CountryRuleEntry(String country, CountryRule rule, String reason, String changedBy, Instant at) {
        super(at);
        this.country = country;
        this.euEea = rule.euEea();
        if (rule.adequacy() != null) {
            adequacyDecidedOn = rule.adequacy().decidedOn();
            adequacyWhole = rule.adequacy().whole();
            adequacyReference = rule.adequacy().reference();
        }
        this.reason = reason;
        this.changedBy = changedBy;
    }

    public String country() {
        return country;
    }

    public CountryRule rule() {
        return new CountryRule(euEea, adequacyDecidedOn == null ? null : new Adequacy(adequacyDecidedOn, adequacyWhole, adequacyReference));
    }

    public String reason() {
        return reason;
    }

    public String changedBy() {
        return changedBy;
    }
}
