package se.molnkoll.query.measures;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance per value of what the rows the measures projection holds in memory repeat: service and
 * evidence ids (every row of a service, every coverage row of a piece of evidence) and days (a
 * portfolio has a few thousand distinct ones). Read from the database, each row would otherwise bring
 * its own copies: at full benchmark size, 2.8 million strings and 2.7 million dates.
 */
final class Shared {

    private static final Map<LocalDate, LocalDate> DAYS = new ConcurrentHashMap<>();

    private Shared() {
    }

    static String id(String id) {
        return id == null ? null : id.intern();
    }

    static LocalDate day(LocalDate day) {
        return day == null ? null : DAYS.computeIfAbsent(day, d -> d);
    }
}
