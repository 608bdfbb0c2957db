package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.Phase;

/**
 * One page of the register, filtered and sorted by the database. Answer: {@link RegisterPage}.
 *
 * @param filter       which services
 * @param sort         by which column; ties by name, then id
 * @param descending   the other way round
 * @param page         from 0
 * @param size         services per page
 * @param warningDays  a certificate is expiring within this many days
 */
public record FindRegisterPage(Moment moment, Filter filter, Sort sort, boolean descending, int page, int size,
                               int warningDays) {

    public FindRegisterPage {
        if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
        if (size < 1) throw new IllegalArgumentException("size must be 1 or more");
        if (warningDays < 0) throw new IllegalArgumentException("warningDays must be 0 or more");
    }

    /**
     * Every field narrows; null or false leaves it open.
     *
     * @param text                in the name or the vendor, whatever the case
     * @param expiredCertificates only services with a certificate expired (and not renewed)
     * @param openMeasures        only services with measures open in the phase they are in
     * @param locationConflict    only services in use whose locations the location check finds in conflict
     */
    public record Filter(@Nullable String text, @Nullable Phase phase, @Nullable String organisationUnit,
                         boolean expiredCertificates, boolean openMeasures, boolean locationConflict) {

        public static final Filter NONE = new Filter(null, null, null, false, false, false);
    }

    /** The register's columns one can sort by. */
    public enum Sort {
        NAME, VENDOR, UNIT, PHASE, OPEN;

        /** The column's name in links and the API (name, vendor, unit, phase, open), or null for another text. */
        public static @Nullable Sort of(@Nullable String parameter) {
            for (Sort sort : values()) {
                if (sort.parameter().equals(parameter)) return sort;
            }
            return null;
        }

        public String parameter() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The whole register, filtered, in one page (an export, an evidence package). */
    public static FindRegisterPage all(Moment moment, Filter filter, Sort sort, boolean descending, int warningDays) {
        return new FindRegisterPage(moment, filter, sort, descending, 0, Integer.MAX_VALUE, warningDays);
    }
}
