package se.molnkoll.api;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The problems of one body: at most {@value RequestBodyReader#MAX_LISTED} kept for the answer, the rest counted,
 * and how many JSON values and constraint violations were looked at.
 * Fields that could not be read are remembered apart (all of them), so that a constraint on such a
 * field, which is null now, does not add a confusing "must not be null": a set lookup per violation,
 * not a scan of the unreadable fields, so that the work stays linear however many there are.
 */
final class BodyProblems {

    private final Map<String, String> listed = new LinkedHashMap<>();
    private final Set<String> unreadable = new HashSet<>();
    private int unlisted;
    private long examined;

    /** One more JSON value or constraint violation looked at. */
    void examined() {
        examined++;
    }

    long examinedSoFar() {
        return examined;
    }

    void unreadable(String field, String message) {
        unreadable.add(field);
        int bracket = field.indexOf('[');
        if (bracket > 0) unreadable.add(field.substring(0, bracket)); // "measureIds" for "measureIds[3]"
        add(field, message);
    }

    void violated(String field, String message) {
        if (!unreadable.contains(field)) add(field, message);
    }

    private void add(String field, String message) {
        if (listed.containsKey(field)) return;
        if (listed.size() < RequestBodyReader.MAX_LISTED) {
            listed.put(field, message);
        } else {
            unlisted++;
        }
    }

    void throwIfAny() {
        if (listed.isEmpty()) return;
        throw new InvalidInputException(listed.entrySet().stream()
                .map(p -> new InvalidInputException.FieldProblem(p.getKey(), p.getValue()))
                .sorted(Comparator.comparing(InvalidInputException.FieldProblem::field))
                .toList(), unlisted);
    }
}
