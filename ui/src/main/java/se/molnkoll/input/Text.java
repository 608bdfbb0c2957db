package se.molnkoll.input;

/** What users type, cleaned the same way at both doors. */
public final class Text {

    private Text() {
    }

    /** The text without surrounding whitespace; null for none or only whitespace. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
