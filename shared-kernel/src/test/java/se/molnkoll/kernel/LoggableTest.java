package se.molnkoll.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one encoder for log lines: nothing a user types can end a line or hide what it holds. */
class LoggableTest {

    @Test
    void every_line_break_and_control_or_format_character_is_escaped() {
        assertThat(Loggable.value("nisse\r\nLOGIN_FAILED user=admin")).isEqualTo("nisse\\r\\nLOGIN_FAILED user=admin");
        assertThat(Loggable.value("a\u0085b\u2028c\u2029d")).as("NEL, line and paragraph separators")
                .isEqualTo("a\\u0085b\\u2028c\\u2029d");
        assertThat(Loggable.value("admin\u202e\u0000\u001b[31m")).as("a bidi override, NUL, a terminal escape")
                .isEqualTo("admin\\u202e\\u0000\\u001b[31m");
        assertThat(Loggable.value("tab\there")).isEqualTo("tab\\there");
        assertThat(Loggable.value("broken \ud800 pair")).isEqualTo("broken \\ud800 pair");
    }

    @Test
    void ordinary_text_is_kept_as_it_is() {
        String text = "Åtgärd 27 – Regionstyrelsen \"citat\" 🙂 C:\\temp";
        assertThat(Loggable.value(text)).isEqualTo(text);
        assertThat(Loggable.escaped(text)).as("nothing to escape: the same string").isSameAs(text);
        assertThat(Loggable.value(null)).isEqualTo("-");
    }

    @Test
    void a_long_value_is_cut_and_says_how_long_it_was() {
        String value = Loggable.value("x".repeat(5000) + "\n");
        assertThat(value).startsWith("x".repeat(200)).endsWith("…(5001 characters)").doesNotContain("\n");
    }
}
