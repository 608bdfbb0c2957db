package se.molnkoll.kernel.query;

/** Where dated evidence stands against the calendar. */
public enum CertificateStatus {
    /** Past its valid-until date, and not renewed. */
    EXPIRED,
    /** Valid until a date within the warning window, and not renewed. */
    EXPIRING
}
