package se.molnkoll.pages;

import org.junit.jupiter.api.Test;
import se.molnkoll.pages.catalogue.Criterion;
import se.molnkoll.documents.DocumentTypes;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.ChainVerification;
import se.molnkoll.kernel.query.EvidenceStatus;
import se.molnkoll.kernel.query.ServiceChanges;
import se.molnkoll.security.Role;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two message bundles: the same keys in Swedish and English, every key the pages and controllers
 * name is there, every value of an enum the pages show has its text, every rule the aggregate can
 * break has words, and every text is a valid message pattern.
 */
class MessagesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path PAGE_CODE = Path.of("src/main/java/se/molnkoll");
    static final Path COMMAND_SIDE = Path.of("../command-side/src/main/java");

    final Properties swedish = load("messages_sv.properties");
    final Properties english = load("messages_en.properties");

    @Test
    void swedish_and_english_have_the_same_keys() {
        assertThat(english.stringPropertyNames()).as("keys in messages_sv missing from messages_en")
                .containsAll(swedish.stringPropertyNames());
        assertThat(swedish.stringPropertyNames()).as("keys in messages_en missing from messages_sv")
                .containsAll(english.stringPropertyNames());
        assertThat(swedish).hasSizeGreaterThan(300);
    }

    @Test
    void every_key_the_pages_name_is_there() throws IOException {
        Set<String> named = new TreeSet<>();
        Pattern literal = Pattern.compile("#\\{'?([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])[}'(]");
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(template));
                while (m.find()) {
                    // #{'phase.' + ${p}} names a prefix, checked against the enum below
                    if (!m.group(0).endsWith("'")) named.add(m.group(1));
                }
            }
        }
        Pattern inCode = Pattern.compile("\"((?:flash|problem|document|moment|changes|audit|verification)\\.[A-Za-z0-9_.]+)\"");
        try (Stream<Path> code = Files.walk(PAGE_CODE)) {
            for (Path source : code.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = inCode.matcher(Files.readString(source));
                while (m.find()) {
                    // "document.refused." + a value names a prefix, checked against the enum below
                    if (!m.group(1).endsWith(".")) named.add(m.group(1));
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(250);
        assertThat(swedish.stringPropertyNames()).as("keys named by templates and page code").containsAll(named);
    }

    @Test
    void every_value_the_pages_show_has_its_text() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(Phase.values()).forEach(v -> keys.add("phase." + v));
        Arrays.stream(MeasureStatus.values()).forEach(v -> keys.add("status." + v));
        Arrays.stream(EvidenceKind.values()).forEach(v -> keys.add("evidenceKind." + v));
        Arrays.stream(EvidenceStatus.values()).forEach(v -> keys.add("evidenceStatus." + v));
        Arrays.stream(ServiceModel.values()).forEach(v -> keys.add("serviceModel." + v));
        Arrays.stream(CertificateStatus.values()).forEach(v -> keys.add("certificate." + v));
        Arrays.stream(Role.values()).forEach(v -> keys.add("role." + v));
        Arrays.stream(ChainVerification.FindingKind.values()).forEach(v -> keys.add("verification.kind." + v));
        Arrays.stream(ServiceChanges.EvidenceChangeKind.values()).forEach(v -> keys.add("changes.evidence." + v));
        Arrays.stream(Criterion.values()).forEach(v -> keys.add("catalogue.criterion." + v));
        CloudServiceEvent.typeNames().forEach(t -> keys.add("event." + t));
        Arrays.stream(DocumentTypes.Refusal.values()).forEach(v -> keys.add("document.refused." + v));
        for (String field : List.of("service", "actor", "type", "from", "to")) keys.add("audit.field." + field);
        for (String code : List.of("NotBlank", "NotNull", "NotEmpty", "Size", "Min", "Max", "Pattern", "typeMismatch",
                "BusinessDate", "NotInFuture", "PeriodInOrder", "Location", "MeasureId", "UnitNotAllowed")) keys.add(code);
        assertThat(swedish.stringPropertyNames()).containsAll(keys);
    }

    @Test
    void every_rule_the_aggregate_can_break_is_said_in_words() throws IOException {
        Set<String> rules = new TreeSet<>();
        Pattern violation = Pattern.compile("(?:Violation\\.of\\(|new Violation\\(|requireAllClosed\\([^\"]*)\"([A-Z][A-Z_]+)\"");
        try (Stream<Path> code = Files.walk(COMMAND_SIDE)) {
            for (Path source : code.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = violation.matcher(Files.readString(source));
                while (m.find()) rules.add(m.group(1));
            }
        }
        assertThat(rules).contains("NOT_CLASSIFIED", "ACQUIRE_MEASURES_OPEN", "EXIT_MEASURES_OPEN", "WRONG_PHASE")
                .hasSizeGreaterThan(15);
        assertThat(swedish.stringPropertyNames()).containsAll(rules.stream().map(r -> "rule." + r).toList());
    }

    @Test
    void every_text_is_a_valid_message_pattern() {
        for (Properties bundle : List.of(swedish, english)) {
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                assertThat(text).as(key).isNotBlank();
                if (text.contains(",choice,")) {
                    // a count in words (1 dag, 42 dagar): each choice formats with a number
                    for (int n : new int[]{0, 1, 42}) {
                        assertThat(new MessageFormat(text).format(new Object[]{n})).as(key).doesNotContain("{");
                    }
                    continue;
                }
                // alwaysUseMessageFormat: a lone apostrophe would swallow the rest of the text
                String formatted = new MessageFormat(text).format(new Object[]{"A", "B", "C", "D"});
                assertThat(formatted).as(key + " loses text to a lone apostrophe")
                        .hasSizeGreaterThanOrEqualTo(text.replaceAll("\\{\\d}", "").replace("''", "'").length());
            }
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
