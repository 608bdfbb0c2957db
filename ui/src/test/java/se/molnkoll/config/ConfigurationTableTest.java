package se.molnkoll.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md lists every molnkoll.* setting with its default: the same settings, and the
 * same defaults, as the metadata the build generates from the properties records (and the switches'
 * additional metadata) of all three modules on this classpath.
 */
class ConfigurationTableTest {

    private static final Path TABLE = Path.of("..", "docs", "configuration.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(molnkoll\\.[a-z0-9.-]+)` \\| ([^|]*) \\|");
    private static final Pattern LEADING_VALUE = Pattern.compile("^`([^`]*)`");

    @Test
    void the_table_names_every_setting_and_nothing_else() throws IOException {
        assertThat(documented().keySet()).containsExactlyElementsOf(settings().keySet());
    }

    @Test
    void each_default_in_the_table_is_the_one_the_setting_has() throws IOException {
        Map<String, String> documented = documented();
        settings().forEach((name, defaultValue) -> {
            if (!documented.containsKey(name)) {
                return; // the_table_names_every_setting_and_nothing_else names it
            }
            Matcher value = LEADING_VALUE.matcher(documented.get(name));
            if (defaultValue == null) {
                assertThat(value.find()).as("%s has no default of its own, yet the table gives one", name).isFalse();
            } else {
                assertThat(value.find()).as("%s: the table gives no default", name).isTrue();
                assertThat(value.group(1)).as("the default of %s", name).isEqualTo(defaultValue);
            }
        });
    }

    @Test
    void all_three_modules_contribute_their_settings() throws IOException {
        assertThat(settings()).containsKeys("molnkoll.commands.max-retries", "molnkoll.read-your-writes.timeout",
                "molnkoll.documents.max-size");
    }

    /** Each molnkoll.* setting in the generated metadata, with its default as written (null: none). */
    private static Map<String, String> settings() throws IOException {
        Map<String, String> settings = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL metadata : Collections.list(ConfigurationTableTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("molnkoll.")) {
                        settings.put(name, written(property.get("defaultValue")));
                    }
                }
            }
        }
        return settings;
    }

    private static String written(JsonNode defaultValue) {
        if (defaultValue == null || defaultValue.isNull()) {
            return null;
        }
        if (defaultValue.isArray()) {
            return StreamSupport.stream(defaultValue.spliterator(), false).map(JsonNode::asText).collect(joining(", "));
        }
        String text = defaultValue.asText();
        // the processor writes a collection's default from annotations as one text, "[a, b]"
        return text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    }

    /** Each row of the table: the setting and its default column. */
    private static Map<String, String> documented() throws IOException {
        Map<String, String> rows = new TreeMap<>();
        List<String> repeated = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE)) {
            Matcher row = ROW.matcher(line);
            if (row.find() && rows.put(row.group(1), row.group(2).trim()) != null) {
                repeated.add(row.group(1));
            }
        }
        assertThat(repeated).as("settings in the table twice").isEmpty();
        return rows;
    }
}
