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
    ADMIN,
    /**
     * Owns the risks that remain (routine 4.1.2: "godkännas av den som äger risken"): approves or rejects
     * the residual-risk acceptances contract managers propose (never their own); reads the register like a
     * viewer.
     */
    RISK_OWNER;

    /** The roles that may read the audit trail, including who recorded what in a service's view. */
    public static final java.util.Set<Role> AUDIT_READERS = java.util.EnumSet.of(AUDITOR, CONTRACT_MANAGER);

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the signed-in user may record (send commands). */
    public static boolean isManager(org.springframework.security.core.Authentication who) {
        return who != null && who.getAuthorities().stream().anyMatch(a -> CONTRACT_MANAGER.authority().equals(a.getAuthority()));
    }

    /** Whether the signed-in user may mark a task given to {@code assignee} done: they, or a contract manager. */
    public static boolean mayMarkDone(org.springframework.security.core.Authentication who, String assignee) {
        return who != null && (isManager(who) || assignee.equals(who.getName()));
    }

    /** Whether the signed-in user may see who recorded what. */
    public static boolean mayReadAuditTrail(org.springframework.security.core.Authentication who) {
        return who != null && who.getAuthorities().stream()
                .anyMatch(a -> AUDIT_READERS.stream().anyMatch(role -> role.authority().equals(a.getAuthority())));
    }
}
