package se.molnkoll.kernel.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads table 4.5 straight from the routine's text (a copy of the source document in test
 * resources), so the catalogue can be checked against the document rather than against a second
 * hand transcription. Rows are tab-separated: ID, K, R, T, S, P, text (HTML), ANS, FÖR, LÄMNA,
 * Referens; a row that continues across a page break starts with empty cells.
 */
final class RoutineTable {

    static final String SOURCE = "/routine/informationssakerhet-for-extern-molntjanst-3.0.txt";

    record Row(int id, String k, String r, String t, String s, String p, String html,
               String ans, String forvalta, String lamna, String references) {

        /** The text with the HTML and bullet marks removed and whitespace collapsed. */
        String plainText() {
            return normalise(html.replaceAll("<[^>]+>", " "));
        }

        int listItems() {
            return html.split("<li>", -1).length - 1;
        }
    }

    static List<Row> read() throws IOException {
        String document;
        try (InputStream in = RoutineTable.class.getResourceAsStream(SOURCE)) {
            if (in == null) throw new IllegalStateException("Missing test resource " + SOURCE);
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String[]> cells = new ArrayList<>();
        for (String line : document.split("\n")) {
            String[] c = line.split("\t", -1);
            if (c.length != 11) continue;
            if (c[0].matches("\\d+")) {
                cells.add(c);
            } else if (c[0].isEmpty() && !c[6].isBlank() && !cells.isEmpty()) {
                String[] previous = cells.get(cells.size() - 1);
                previous[6] = previous[6] + " " + c[6];
            }
        }
        return cells.stream()
                .map(c -> new Row(Integer.parseInt(c[0]), c[1].trim(), c[2].trim(), c[3].trim(), c[4].trim(),
                        c[5].trim(), c[6], c[7].trim(), c[8].trim(), c[9].trim(), c[10].trim()))
                .toList();
    }

    static String normalise(String text) {
        return text.replace("•", " ").replaceAll("\\s+", " ").trim();
    }

    private RoutineTable() {
    }
}
