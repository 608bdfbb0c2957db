package se.molnkoll.command;

import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.Violation;

import java.util.List;

/** Matches a refusal whose reasons carry exactly the given rule codes, in order. */
final class RejectedFor extends TypeSafeMatcher<RuleViolationException> {

    private final List<String> rules;

    private RejectedFor(List<String> rules) {
        this.rules = rules;
    }

    static RejectedFor rejectedFor(String... rules) {
        return new RejectedFor(List.of(rules));
    }

    @Override
    protected boolean matchesSafely(RuleViolationException e) {
        return e.violations().stream().map(Violation::rule).toList().equals(rules);
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a refusal for exactly the rules ").appendValue(rules);
    }

    @Override
    protected void describeMismatchSafely(RuleViolationException e, Description description) {
        description.appendText("was refused for ").appendValue(e.violations());
    }
}
