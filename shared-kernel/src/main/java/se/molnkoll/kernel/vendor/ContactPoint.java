package se.molnkoll.kernel.vendor;

import org.jspecify.annotations.Nullable;

/**
 * Where to reach the vendor for one purpose: support (measure 4), incidents (measure 31), the contract, or
 * security. Kept in events forever, so a function's address is asked for, not a person's.
 *
 * @param purpose what the contact is for
 * @param name    the function or team ("Servicedesk", "Security Operations Center")
 * @param email   an e-mail address, or null
 * @param phone   a telephone number, or null
 */
public record ContactPoint(Purpose purpose, String name, @Nullable String email, @Nullable String phone) {

    public enum Purpose { SUPPORT, INCIDENT, CONTRACT, SECURITY }
}
