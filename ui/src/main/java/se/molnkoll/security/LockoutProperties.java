package se.molnkoll.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * molnkoll.security.lockout.*: failed sign-ins, counted per instance (see {@link LoginAttempts}).
 *
 * @param maxFailures           failures in a row that lock a user name for the address they came from
 * @param maxFailuresPerAddress failures, whatever names they tried, that lock an address for every name
 * @param duration              how long a lock lasts, and how long a failure is remembered after the last one
 * @param maxDelay              the longest wait between tries of a name that fails from several addresses
 * @param maxTracked            names, addresses and pairs counted at once (about 200 bytes each); locks are
 *                              never pushed out early, so when all are in use an address not yet counted waits
 */
@ConfigurationProperties("molnkoll.security.lockout")
public record LockoutProperties(@DefaultValue("5") int maxFailures, @DefaultValue("20") int maxFailuresPerAddress,
                                @DefaultValue("15m") Duration duration, @DefaultValue("5m") Duration maxDelay,
                                @DefaultValue("100000") long maxTracked) {
}
