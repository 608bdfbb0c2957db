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
        Instant instant = day.atTime(at).atZone(BusinessDates.ZONE).toInstant();
        if (instant.isAfter(clock.instant())) {
            problems.add("moment.future");
            return null;
        }
        return instant;
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

    private static LocalTime parseTime(String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

}
