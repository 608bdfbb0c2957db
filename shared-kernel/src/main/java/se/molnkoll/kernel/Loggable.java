package se.molnkoll.kernel;

/**
 * The one encoder for what goes into a log line. Line breaks and every other control or formatting
 * character (CR, LF, NEL, the Unicode line and paragraph separators, bidirectional overrides, ...) are
 * written as escapes ({@code \n}, {@code \r}, {@code \t}, {@code \u2028}), as is broken Unicode, so a
 * value a user typed can neither end the line it is in and forge the next (a fake LOGIN_FAILED, say)
 * nor hide what it holds.
 */
public final class Loggable {

    /** A user-supplied value is cut here: it says what was sent, it does not have to hold all of it. */
    static final int LONGEST_VALUE = 200;

    private Loggable() {
    }

    /** A value someone supplied, for a log line: "-" for none, escaped, at most {@value #LONGEST_VALUE} characters. */
    public static String value(Object value) {
        if (value == null) return "-";
        String text = value.toString();
        String cut = text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE) : text;
        return escaped(cut) + (cut.length() < text.length() ? "…(" + text.length() + " characters)" : "");
    }

    /** The text with every character that could break or disguise a log line escaped. */
    public static String escaped(String text) {
        if (text == null) return null;
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            String escape = pair ? null : escape(c);
            if (escape != null && safe == null) safe = new StringBuilder(text.length() + 16).append(text, 0, i);
            if (safe != null) {
                if (escape != null) {
                    safe.append(escape);
                } else {
                    safe.append(c);
                    if (pair) safe.append(text.charAt(i + 1));
                }
            }
            if (pair) i++;
        }
        return safe == null ? text : safe.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                int type = Character.getType(c);
                boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR || Character.isSurrogate(c);
                return unsafe ? String.format("\\u%04x", (int) c) : null;
        }
    }
}
