package se.molnkoll.api.violation;

import se.molnkoll.pages.layout.Link;

/** Breaks a rule on purpose (RulesBiteTest): the API building a page's link. */
public class ApiImportingAPage {
    public String link() {
        return Link.to("/services").toString();
    }
}
