package se.molnkoll.pages;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The style sheet's colours against the backgrounds they are used on reach WCAG 2.1 AA for normal
 * text (4.5:1), computed with WCAG's relative luminance.
 */
class ContrastTest {

    static final Path CSS = Path.of("src/main/resources/static/css/molnkoll.css");

    @Test
    void every_text_colour_is_readable_on_its_background() throws IOException {
        Map<String, String> colours = new HashMap<>();
        Matcher m = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})").matcher(Files.readString(CSS));
        while (m.find()) colours.put(m.group(1), m.group(2));
        assertThat(colours).containsKeys("ink", "muted", "paper", "tint", "brand", "brand-dark", "open", "expired",
                "covered", "accepted");
        for (String text : List.of("ink", "muted", "brand", "open", "expired", "covered", "accepted")) {
            for (String background : List.of("paper", "tint")) {
                assertThat(contrast(colours.get(text), colours.get(background)))
                        .as(text + " on " + background).isGreaterThanOrEqualTo(4.5);
            }
        }
        for (String background : List.of("brand", "brand-dark", "open")) {
            assertThat(contrast("#ffffff", colours.get(background))).as("white on " + background).isGreaterThanOrEqualTo(4.5);
        }
        // the focus ring must stand out against the header and the page (non-text contrast, 3:1)
        assertThat(contrast(colours.get("focus"), colours.get("brand"))).isGreaterThanOrEqualTo(3);
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
