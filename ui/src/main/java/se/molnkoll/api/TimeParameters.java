package se.molnkoll.api;

import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.StorableValues;
import se.molnkoll.kernel.query.Moment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Request parameters that name a point or a bound in time: an ISO-8601 instant
 * ({@code 2026-03-15T10:00:00Z}) or a date ({@code 2026-03-15}), a date being a whole day in Sweden.
 * Problems are collected so that one answer names every bad parameter.
 */
final class TimeParameters {

    static final String FORMAT = "must be an ISO-8601 instant (2026-03-15T10:00:00Z) or date (2026-03-15)";
    /** What the asOf and validAt parameters mean, for the API description. */
    static final String AS_OF = "Recorded time: answer with what Molnkoll had recorded at this ISO-8601 instant, "
            + "or by the end of this date (Swedish time). Not later than now. Auditors and contract managers only.";
    static final String VALID_AT = "Business time: judge statuses for this date, with everything recorded up to "
            + "asOf (default: now). Default: the date of asOf, or today. Auditors and contract managers only.";

    private TimeParameters() {
    }

    /**
     * The moment an auditor asks about: {@code asOf} in recorded time (a date means the end of that day:
     * everything recorded on it counts), {@code validAt} the business date statuses are judged for.
     * Recorded time cannot be later than now: nothing is known about the future yet.
     */
    static Moment moment(String asOf, String validAt, Clock clock, List<InvalidInputException.FieldProblem> problems) {
        Instant knownAt = asOf(asOf, "asOf", clock, problems);
        LocalDate day = date(validAt, "validAt", problems);
        return new Moment(knownAt, day);
    }

    /** The moment asked about, or a 400 naming each bad parameter. */
    static Moment moment(String asOf, String validAt, Clock clock) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        Moment moment = moment(asOf, validAt, clock, problems);
        throwIfAny(problems);
        return moment;
    }

    /** A moment of recorded time, no later than now; null when absent or bad (and then a problem is added). */
    static Instant asOf(String value, String field, Clock clock, List<InvalidInputException.FieldProblem> problems) {
        if (value == null || value.isBlank()) return null;
        Instant now = clock.instant();
        Instant instant = parseInstant(value);
        if (instant != null) {
            String outside = instantProblem(instant);
            if (outside != null) {
                problems.add(new InvalidInputException.FieldProblem(field, outside));
                return null;
            }
            if (instant.isAfter(now)) {
                problems.add(new InvalidInputException.FieldProblem(field,
                        "is in the future; Molnkoll can only tell what it has recorded up to now (" + now + ")"));
                return null;
            }
            return instant;
        }
        LocalDate day = parseDate(value);
        if (day == null) {
            problems.add(new InvalidInputException.FieldProblem(field, FORMAT));
            return null;
        }
        if (StorableValues.dateProblem(day) != null) {
            problems.add(new InvalidInputException.FieldProblem(field, StorableValues.dateProblem(day)));
            return null;
        }
        if (day.isAfter(BusinessDates.today(clock))) {
            problems.add(new InvalidInputException.FieldProblem(field,
                    "is in the future; Molnkoll can only tell what it has recorded up to today"));
            return null;
        }
        return BusinessDates.knownBy(day, clock);
    }

    /** A business date; null when absent or bad (and then a problem is added). */
    static LocalDate date(String value, String field, List<InvalidInputException.FieldProblem> problems) {
        if (value == null || value.isBlank()) return null;
        LocalDate day = parseDate(value);
        if (day == null) {
            problems.add(new InvalidInputException.FieldProblem(field, "must be an ISO-8601 date (2026-03-15)"));
            return null;
        }
        String problem = StorableValues.dateProblem(day);
        if (problem != null) {
            problems.add(new InvalidInputException.FieldProblem(field, problem));
            return null;
        }
        return day;
    }

    /**
     * A bound of a time range: an instant as given, or a date's first moment in Sweden (the next day's
     * for an inclusive end, so that the whole day is in the range).
     */
    static Instant bound(String value, String field, boolean end, List<InvalidInputException.FieldProblem> problems) {
        if (value == null || value.isBlank()) return null;
        Instant instant = parseInstant(value);
        if (instant != null) {
            String outside = instantProblem(instant);
            if (outside == null) return instant;
            problems.add(new InvalidInputException.FieldProblem(field, outside));
            return null;
        }
        LocalDate day = parseDate(value);
        if (day == null) {
            problems.add(new InvalidInputException.FieldProblem(field, FORMAT));
            return null;
        }
        if (StorableValues.dateProblem(day) != null) {
            problems.add(new InvalidInputException.FieldProblem(field, StorableValues.dateProblem(day)));
            return null;
        }
        return BusinessDates.startOf(end ? day.plusDays(1) : day);
    }

    static void throwIfAny(List<InvalidInputException.FieldProblem> problems) {
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }

    /** Why an instant is outside what the databases can compare with (the business dates' range), or null. */
    private static String instantProblem(Instant instant) {
        return instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST) ? "must be a moment between "
                + StorableValues.EARLIEST_DATE + " and " + StorableValues.LATEST_DATE : null;
    }

    private static final Instant EARLIEST = BusinessDates.startOf(StorableValues.EARLIEST_DATE);
    private static final Instant AFTER_LATEST = BusinessDates.startOf(StorableValues.LATEST_DATE.plusDays(1));

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
