package se.molnkoll.kernel.query;

/**
 * Expired and expiring certificates over the portfolio: every piece of evidence with a valid-until
 * date (certificates, audit reports, ...) that is not withdrawn, belongs to a service that is not
 * decommissioned, and has not been renewed. Evidence is renewed when, for every (measure, phase) it
 * counts towards, other evidence that counts is valid on the day after it lapses and lasts longer.
 * Answer: list of {@link CertificateView}, most urgent first (earliest valid-until date first).
 *
 * @param status     only this status, or both when null
 * @param withinDays the warning window: EXPIRING means valid until today + withinDays at the latest
 */
public record FindCertificates(CertificateStatus status, int withinDays) {

    public FindCertificates {
        if (withinDays < 0) throw new IllegalArgumentException("withinDays must be 0 or more");
    }
}
