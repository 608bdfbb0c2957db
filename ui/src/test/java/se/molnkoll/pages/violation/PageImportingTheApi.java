package se.molnkoll.pages.violation;

import se.molnkoll.api.violation.ApiImportingAPage;

/** Breaks a rule on purpose (RulesBiteTest): a page calling into the API. */
public class PageImportingTheApi {
    public String link() {
        return new ApiImportingAPage().link();
    }
}
