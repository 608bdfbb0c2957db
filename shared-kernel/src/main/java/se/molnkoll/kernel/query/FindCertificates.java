package se.molnkoll.kernel.query;

/**
 * Expired and expiring certificates over the portfolio: every piece of evidence with a valid-until
 * date (certificates, audit reports, ...) that is not withdrawn, belongs to a service that is not
 * decommissioned, and still has something at stake: a (measure, phase) it counts towards that
 * applies to the service and that no other evidence renews. Other evidence renews it when it counts
 * too, lasts longer, and starts no later than the day after this one lapses (or, after a gap, has
 * started by the day asked about). A renewal that lapses in turn is listed itself, and what it
 * renewed is not: a lapsed chain of renewals shows once, by its latest certificate.
 * {@code measureIds} lists the measures at stake.
 * Answer: list of {@link CertificateView}, most urgent first (earliest valid-until date first).
 *
 * @param status     only this status, or both when null
 * @param withinDays the warning window: EXPIRING means valid until today + withinDays at the latest
 */
public record FindCertificates(CertificateStatus status, int withinDays, Moment moment) {

    public FindCertificates(CertificateStatus status, int withinDays) {
        this(status, withinDays, Moment.NOW);
    }

    public FindCertificates {
        if (withinDays < 0) throw new IllegalArgumentException("withinDays must be 0 or more");
    }
}
