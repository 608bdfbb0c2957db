package se.molnkoll.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per user name: after {@code molnkoll.security.lockout.max-failures} (default 5)
 * in a row, the account is locked for {@code molnkoll.security.lockout.duration} (default 15 minutes),
 * whatever password is given meanwhile. A success clears the count. Kept in this instance's memory:
 * with several instances each counts for itself.
 */
@Component
public class LoginAttempts {

    /** Bounds the memory a flood of made-up user names can take. */
    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginAttempts(@Value("${molnkoll.security.lockout.max-failures:5}") int maxFailures,
                         @Value("${molnkoll.security.lockout.duration:15m}") Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    /** Records a failure; true when it is the one that locks the account. */
    public boolean failed(String username) {
        if (failures.size() >= MAX_TRACKED) prune();
        Instant now = clock.instant();
        Failures after = failures.compute(key(username), (k, before) -> {
            int count = before == null || (before.lockedUntil != null && !now.isBefore(before.lockedUntil)) ? 1 : before.count + 1;
            return new Failures(count, count >= maxFailures ? now.plus(lockout) : null);
        });
        return after.count == maxFailures;
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    public boolean isLocked(String username) {
        Failures current = failures.get(key(username));
        return current != null && current.lockedUntil != null && clock.instant().isBefore(current.lockedUntil);
    }

    public Duration lockout() {
        return lockout;
    }

    private void prune() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(e -> e.getValue().lockedUntil == null || !now.isBefore(e.getValue().lockedUntil));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
