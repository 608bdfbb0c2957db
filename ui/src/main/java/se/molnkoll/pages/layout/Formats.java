package se.molnkoll.pages.layout;

import org.springframework.stereotype.Component;
import se.molnkoll.kernel.BusinessDates;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** How the pages write moments: Swedish time, to the minute (templates call it as {@code @formats}). */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessDates.ZONE);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessDates.ZONE);

    public String time(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    public String precise(Instant instant) {
        return instant == null ? "" : SECOND.format(instant);
    }
}
