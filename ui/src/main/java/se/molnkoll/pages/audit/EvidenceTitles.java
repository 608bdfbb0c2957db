package se.molnkoll.pages.audit;

import se.molnkoll.kernel.query.AuditEntry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trail's summaries (the audit trail's and a service page's timeline) as an auditor reads them: evidence named by its title where the recorded text
 * names it by id (a withdrawal, an expiry, a document attached). The recorded summary is unchanged;
 * the page shows the id beside the title, so nothing the trail says is lost.
 */
public final class EvidenceTitles {

    private static final Pattern EVIDENCE = Pattern.compile("[Uu]nderlag ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private EvidenceTitles() {
    }

    /** Each entry's summary with evidence ids named by title (entries without one are left as recorded). */
    public static Map<String, String> named(List<AuditEntry> entries, Function<String, Map<String, String>> titlesOfService) {
        Map<String, Map<String, String>> titles = new HashMap<>();
        Map<String, String> summaries = new HashMap<>();
        for (AuditEntry entry : entries) {
            Matcher evidence = EVIDENCE.matcher(entry.summary());
            if (!evidence.find()) continue;
            Map<String, String> known = titles.computeIfAbsent(entry.serviceId().value(), titlesOfService);
            StringBuilder named = new StringBuilder();
            evidence.reset();
            while (evidence.find()) {
                String title = known.get(evidence.group(1));
                String replacement = title == null ? evidence.group()
                        : evidence.group().substring(0, "underlag".length()) + " \"" + title + "\" (" + evidence.group(1) + ")";
                evidence.appendReplacement(named, Matcher.quoteReplacement(replacement));
            }
            evidence.appendTail(named);
            summaries.put(entry.eventId(), named.toString());
        }
        return summaries;
    }
}
