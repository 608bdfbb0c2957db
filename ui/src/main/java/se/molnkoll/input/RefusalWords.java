package se.molnkoll.input;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.Violation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A rule's refusal in the user's language, with the fix: what the forms show beside a refused command,
 * and an import's preview beside a refused row, in the same words.
 */
@Component
public class RefusalWords {

    /** The rule whose refusal names, for each measure, the phases it belongs to. */
    private static final String NOT_IN_PHASES = "MEASURE_NOT_IN_PHASES";

    private final MessageSource messages;

    public RefusalWords(MessageSource messages) {
        this.messages = messages;
    }

    /** Each reason a command was refused. */
    public List<String> reasons(RuleViolationException refused, Locale locale) {
        return reasons(refused.violations(), locale);
    }

    public List<String> reasons(List<Violation> violations, Locale locale) {
        return violations.stream().map(v -> words(v, locale)).toList();
    }

    /** A rule's reason in words; the measures it names, if any, listed after it. */
    public String words(Violation violation, Locale locale) {
        Map<MeasureId, List<String>> phases = violation.measures().stream().collect(Collectors.groupingBy(
                MeasurePhase::measureId, TreeMap::new,
                Collectors.mapping(p -> text("phase." + p.phase(), locale), Collectors.toList())));
        if (violation.rule().equals(NOT_IN_PHASES) && !phases.isEmpty()) {
            // one sentence per measure: the phases it does belong to, and the fix ("choose Operate or remove measure 2")
            return phases.entrySet().stream().map(e -> text("rule." + NOT_IN_PHASES, locale, e.getKey().value(),
                    inWords(e.getValue(), "phases.only", "phases.and", locale), inWords(e.getValue(), null, "phases.or", locale)))
                    .collect(Collectors.joining(" "));
        }
        String measures = phases.entrySet().stream()
                .map(e -> e.getKey().value() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
        return messages.getMessage("rule." + violation.rule(), new Object[]{measures}, violation.message(), locale);
    }

    /** Phases in words: "Förvalta", "Anskaffa eller Förvalta"; with a lead key, "fasen Förvalta" or "faserna Anskaffa och Förvalta". */
    private String inWords(List<String> phases, String lead, String conjunction, Locale locale) {
        String last = phases.get(phases.size() - 1);
        String list = phases.size() == 1 ? last
                : text(conjunction, locale, String.join(", ", phases.subList(0, phases.size() - 1)), last);
        return lead == null ? list : text(lead + (phases.size() == 1 ? "One" : "Many"), locale, list);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
