package se.molnkoll.security.violation;

import se.molnkoll.pages.layout.Link;

/** Breaks a rule on purpose (RulesBiteTest): security building a page's link. */
public class SecurityImportingAPage {
    public String signIn() {
        return Link.to("/login").toString();
    }
}
