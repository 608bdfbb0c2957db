package se.molnkoll.kernel.query;

/**
 * Evidence that has passed its valid-until date but whose expiry is not yet recorded (not withdrawn,
 * service not decommissioned). Answer: list of {@link DueExpiry}, at most {@code limit}.
 */
public record FindDueExpiries(int limit) {
}
