package se.molnkoll.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every read-model row, as text without its surrogate key, sorted: what to compare with a rebuild. */
public final class ReadModelContent {

    public static final List<String> TABLES = List.of("cloud_service", "applicable_measure", "evidence",
            "evidence_coverage", "risk_acceptance", "risk_proposal", "follow_up_task", "review_due", "scheduled_review",
            "open_measure_step", "certificate_at_stake", "audit_entry", "vendor", "vendor_contact", "vendor_sub_processor",
            "country_rule", "service_location", "vendor_evidence", "vendor_evidence_adoption");

    private ReadModelContent() {
    }

    public static Map<String, List<String>> of(JdbcTemplate jdbc) {
        Map<String, List<String>> content = new TreeMap<>();
        for (String table : TABLES) {
            content.put(table, jdbc.queryForList("select * from " + table).stream()
                    .map(row -> {
                        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                        values.putAll(row);
                        values.remove("row_id");
                        return values.toString();
                    })
                    .sorted().toList());
        }
        return content;
    }
}
