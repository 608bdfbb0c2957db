package se.molnkoll.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the databases can store. An event is stored as JSON in a binary column, so the event store
 * takes anything; the read models then write its text and dates into typed columns, and PostgreSQL
 * refuses a NUL character, broken Unicode or a year beyond its range. Such an event would stop
 * every read model that must write it, so no command carrying one is accepted. (No read model
 * indexes free text, so length matters only for size.)
 */
public final class StorableValues {

    /** Far beyond any field's own limit; only stops text that would bloat every event and row. */
    public static final int LONGEST_TEXT = 20_000;
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);

    private StorableValues() {
    }

    /** Why the text cannot be stored, or null if it can. Tab, newline and carriage return are fine. */
    public static String textProblem(String text) {
        if (text.length() > LONGEST_TEXT) {
            return "must be at most " + LONGEST_TEXT + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text";
            }
        }
        return null;
    }

    /**
     * Why the text cannot be a name on one line (a user name, say, to filter the audit trail by), or
     * null if it can: storable, and without line breaks or tabs.
     */
    public static String lineProblem(String text) {
        String problem = textProblem(text);
        if (problem != null) return problem;
        return text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t') ? "must be one line, without line breaks or tabs"
                : null;
    }

    /** Why the business date cannot be used, or null if it can. */
    public static String dateProblem(LocalDate date) {
        return date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)
                ? "must be a date between " + EARLIEST_DATE + " and " + LATEST_DATE : null;
    }

    /** Every text and date in a record (a command), however deeply nested, that cannot be stored: "field: why". */
    public static List<String> problemsIn(Record record) {
        List<String> problems = new ArrayList<>();
        inspect(record, "", problems);
        return problems;
    }

    private static void inspect(Object value, String path, List<String> problems) {
        if (value instanceof String text) {
            String problem = textProblem(text);
            if (problem != null) problems.add(path + " " + problem);
        } else if (value instanceof LocalDate date) {
            String problem = dateProblem(date);
            if (problem != null) problems.add(path + " " + problem);
        } else if (value instanceof Collection<?> elements) {
            int i = 0;
            for (Object element : elements) {
                inspect(element, path + "[" + i++ + "]", problems);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                String name = path.isEmpty() ? component.getName() : path + "." + component.getName();
                inspect(read(component, record), name, problems);
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
