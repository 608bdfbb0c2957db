package se.molnkoll.jobs.violation;

import se.molnkoll.pages.layout.Link;

/** Breaks a rule on purpose (RulesBiteTest): a job building a page's link. */
public class JobImportingAPage {
    public String link() {
        return Link.to("/services").toString();
    }
}
