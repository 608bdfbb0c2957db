package se.molnkoll.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sign-in attempts per user name: after {@code molnkoll.security.lockout.max-failures} (default 5)
 * attempts without a success, further attempts are refused for {@code molnkoll.security.lockout.duration}
 * (default 15 minutes), whatever password they give. An attempt counts when it starts, before its
 * password is checked, so parallel guesses cannot slip past the limit; a success clears the count.
 * Kept in this instance's memory, for at most {@value #MAX_TRACKED} names (the least recently tried go
 * first); with several instances each counts for itself.
 */
@Component
public class LoginAttempts {

    static final int MAX_TRACKED = 10_000;
    /** Longer "names" are not tracked at all: they are no user's, and would only take memory. */
    static final int MAX_NAME = 256;

    public enum Outcome {
        /** The attempt may go on to its password check. */
        ALLOWED,
        /** This attempt is one too many: the name is locked from now on. */
        LOCKED_NOW,
        /** The name was locked already. */
        LOCKED
    }

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Attempts> attempts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Attempts> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public LoginAttempts(@Value("${molnkoll.security.lockout.max-failures:5}") int maxFailures,
                         @Value("${molnkoll.security.lockout.duration:15m}") Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    private record Attempts(int count, Instant lockedUntil) {
    }

    /** Counts an attempt that is about to check its password; whether it may. */
    public synchronized Outcome attempt(String username) {
        if (username == null || username.length() > MAX_NAME) return Outcome.ALLOWED;
        Instant now = clock.instant();
        String key = key(username);
        Attempts before = attempts.get(key);
        if (before != null && before.lockedUntil != null) {
            if (now.isBefore(before.lockedUntil)) return Outcome.LOCKED; // a locked name's lock is not extended
            before = null; // the lock has run out: start again
        }
        int count = before == null ? 1 : before.count + 1;
        if (count > maxFailures) {
            attempts.put(key, new Attempts(count, now.plus(lockout)));
            return Outcome.LOCKED_NOW;
        }
        attempts.put(key, new Attempts(count, null));
        return Outcome.ALLOWED;
    }

    /** A password was right: the name starts afresh (unless it was locked, which a success cannot be). */
    public synchronized void succeeded(String username) {
        if (username == null) return;
        Attempts current = attempts.get(key(username));
        if (current != null && current.lockedUntil == null) attempts.remove(key(username));
    }

    public synchronized boolean isLocked(String username) {
        Attempts current = username == null ? null : attempts.get(key(username));
        return current != null && current.lockedUntil != null && clock.instant().isBefore(current.lockedUntil);
    }

    public Duration lockout() {
        return lockout;
    }

    private static final String REFUSED = LoginAttempts.class.getName() + ".refused";

    /** Notes on the current request that its sign-in was refused for the lock, not judged by its password. */
    static void markRefused() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) request.setAttribute(REFUSED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
    }

    /** Whether the current request's sign-in was refused for the lock. */
    static boolean wasRefused() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && Boolean.TRUE.equals(request.getAttribute(REFUSED, RequestAttributes.SCOPE_REQUEST));
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
