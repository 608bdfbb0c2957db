package se.molnkoll.pages.layout;

import se.molnkoll.input.Text;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.StorableValues;
import se.molnkoll.kernel.query.Moment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A moment as the pages ask for it: a date and, optionally, a time of day in Sweden for recorded
 * time ({@code asOf}; without a time, the end of that day), and a business date ({@code validAt}).
 * Problems are message keys, shown next to the picker; a bad part is left out, not guessed.
 *
 * @param asOf     the date as the user gave it (to show it again)
 * @param asOfTime the time as the user gave it
 * @param validAt  the business date as the user gave it
 */
public record PageMoment(Moment moment, List<String> problems, String asOf, String asOfTime, String validAt) {

    public static PageMoment parse(String asOf, String asOfTime, String validAt, Clock clock) {
        List<String> problems = new ArrayList<>();
        Instant knownAt = knownAt(Text.blankToNull(asOf), Text.blankToNull(asOfTime), clock, problems);
        LocalDate day = date(Text.blankToNull(validAt), problems);
        return new PageMoment(new Moment(knownAt, day), List.copyOf(problems), asOf, asOfTime, validAt);
    }

    /** Only a moment of recorded time, e.g. one end of a comparison; null with a problem when absent or bad. */
    public static Instant instant(String date, String time, Clock clock, List<String> problems) {
        if (Text.blankToNull(date) == null) {
            problems.add("moment.required");
            return null;
        }
        return knownAt(date, Text.blankToNull(time), clock, problems);
    }

    public boolean isNow() {
        return moment.isNow();
    }

    private static Instant knownAt(String date, String time, Clock clock, List<String> problems) {
        if (date == null) {
            if (time != null) problems.add("moment.timeWithoutDate");
            return null;
        }
        LocalDate day = date(date, problems);
        if (day == null) return null;
        if (day.isAfter(BusinessDates.today(clock))) {
            problems.add("moment.future");
            return null;
        }
        if (time == null) return BusinessDates.knownBy(day, clock);
        LocalTime at = parseTime(time);
        if (at == null) {
            problems.add("moment.invalidTime");
            return null;
        }
        Instant start = day.atTime(at).atZone(BusinessDates.ZONE).toInstant();
        Instant now = clock.instant();
        if (start.isAfter(now)) {
            problems.add("moment.future");
            return null;
        }
        // as a date means the end of that day, a time means the end of the minute (or second) it names:
        // what was recorded at 21:36:35 is known "at 21:36", as the page showed it
        Instant end = start.plus(precision(time)).minusNanos(1);
        return end.isAfter(now) ? now : end;
    }

    private static LocalDate date(String value, List<String> problems) {
        if (value == null) return null;
        LocalDate day = parseDate(value);
        if (day == null) {
            problems.add("moment.invalidDate");
            return null;
        }
        if (StorableValues.dateProblem(day) != null) {
            problems.add("moment.outOfRange");
            return null;
        }
        return day;
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** How long the typed time lasts: a minute for 21:36, a second for 21:36:35, a nanosecond when finer. */
    private static java.time.Duration precision(String time) {
        if (time.length() <= 5) return java.time.Duration.ofMinutes(1);
        if (time.length() <= 8) return java.time.Duration.ofSeconds(1);
        return java.time.Duration.ofNanos(1);
    }

    private static LocalTime parseTime(String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

}
