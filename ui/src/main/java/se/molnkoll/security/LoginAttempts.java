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
 * Failed sign-ins per user name: after {@code molnkoll.security.lockout.max-failures} (default 5) in a
 * row, further attempts are refused for {@code molnkoll.security.lockout.duration} (default 15 minutes),
 * whatever password they give; a success clears the count. {@link PasswordSignIn} checks one attempt
 * per name at a time, so parallel guesses cannot slip past the limit.
 * Kept in this instance's memory, for at most {@value #MAX_TRACKED} names (the least recently tried go
 * first); with several instances each counts for itself.
 */
@Component
public class LoginAttempts {

    static final int MAX_TRACKED = 10_000;
    /** Longer "names" are not tracked at all: they are no user's, and would only take memory. */
    static final int MAX_NAME = 256;

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

    /** Records a failed check; true when it is the one that locks the name. */
    public synchronized boolean failed(String username) {
        if (username == null || username.length() > MAX_NAME) return false;
        Instant now = clock.instant();
        String key = key(username);
        Attempts before = attempts.get(key);
        if (before != null && before.lockedUntil != null) {
            if (now.isBefore(before.lockedUntil)) return false; // a locked name's lock is not extended
            before = null; // the lock has run out: start again
        }
        int count = before == null ? 1 : before.count + 1;
        attempts.put(key, new Attempts(count, count >= maxFailures ? now.plus(lockout) : null));
        return count == maxFailures;
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

    static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
