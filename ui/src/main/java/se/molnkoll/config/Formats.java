package se.molnkoll.config;

import org.springframework.stereotype.Component;
import se.molnkoll.kernel.BusinessDates;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** How the pages and reports write moments: Swedish time, to the minute (page templates call it as {@code @formats}). */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessDates.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BusinessDates.ZONE);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(BusinessDates.ZONE);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessDates.ZONE);

    public String time(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    public String precise(Instant instant) {
        return instant == null ? "" : SECOND.format(instant);
    }

    /** The day in Sweden, as a date field takes it: with {@link #timeOfDay}, a link that shows exactly that moment. */
    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** The time of day in Sweden to the second, as a time field takes it. */
    public String timeOfDay(Instant instant) {
        return instant == null ? "" : TIME_OF_DAY.format(instant);
    }
}
