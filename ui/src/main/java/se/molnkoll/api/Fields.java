package se.molnkoll.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads request fields that arrive as strings ({@link EnumName}, {@link IsoDate}) once they passed validation. */
final class Fields {

    private Fields() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** The date, or null when there is none or it is not a date. */
    static LocalDate date(String value) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
