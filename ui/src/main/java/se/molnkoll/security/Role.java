package se.molnkoll.security;

/** The roles Molnkoll knows. */
public enum Role {
    /** Records everything that happens to a cloud service; reads everything. */
    CONTRACT_MANAGER,
    /** Reads everything, including the audit trail. */
    AUDITOR,
    /** Reads the register, measures and totals; not the audit trail. */
    VIEWER,
    /** Runs the application: health and metrics; reads the register like a viewer. */
    ADMIN
}
