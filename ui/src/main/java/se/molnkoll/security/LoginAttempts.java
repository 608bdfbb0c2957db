package se.molnkoll.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Failed sign-ins, counted so that guessing is stopped and a lock cannot be turned against users:
 * <ul>
 *     <li><b>A name from one address:</b> after {@code molnkoll.security.lockout.max-failures} (5)
 *     failures in a row, that name is locked <em>for that address</em> for
 *     {@code molnkoll.security.lockout.duration} (15 minutes). The same name signs in from elsewhere.</li>
 *     <li><b>An address:</b> after {@code max-failures-per-address} (20) failures, whatever names they
 *     tried, the address may not try any name for the duration. One client cannot spray names.</li>
 *     <li><b>A name tried from several addresses:</b> once it has failed {@code max-failures} times in
 *     all, each further failure makes the next try of that name wait longer (1 s, 2 s, 4 s, … at most
 *     {@code max-delay}, 5 minutes): a growing delay rather than a lock, so that many attackers slow each
 *     other and the real user down to one guess per delay, but never lock the user out.</li>
 * </ul>
 * Each failure is remembered for the duration after the last one (a lock until it ends), in a cache
 * whose entries expire by time only: nothing that arrives pushes a lock out early. Memory is bounded
 * by {@code max-tracked} entries; when they are all in use (tens of thousands of addresses failing
 * within the duration), a failed attempt from an address not yet counted cannot be counted, so such
 * addresses are refused until entries expire: a sign-in already counted, a signed-in session and a
 * client that proved its password recently go on working. A refused attempt costs no password check.
 * <p>
 * Kept in this instance's memory; with several instances each counts for itself.
 */
@Component
public class LoginAttempts {

    /** Longer "names" are no user's: refused without being counted or checked. */
    static final int MAX_NAME = 256;

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration lockout;
    private final Duration maxDelay;
    private final long maxTracked;
    private final Clock clock;
    private final Cache<String, Count> counts;

    public LoginAttempts(LockoutProperties properties, Clock clock) {
        this.maxFailures = properties.maxFailures();
        this.maxFailuresPerAddress = properties.maxFailuresPerAddress();
        this.lockout = properties.duration();
        this.maxDelay = properties.maxDelay();
        this.maxTracked = properties.maxTracked();
        this.clock = clock;
        this.counts = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new Expiry<String, Count>() {
                    @Override
                    public long expireAfterCreate(String key, Count count, long now) {
                        return count.nanosLeft(clock.instant());
                    }

                    @Override
                    public long expireAfterUpdate(String key, Count count, long now, long current) {
                        return count.nanosLeft(clock.instant());
                    }

                    @Override
                    public long expireAfterRead(String key, Count count, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /**
     * What is counted for one key: failures in a row, the last of them, until when the key is locked
     * or must wait, and whether they came from more than one address (for a name).
     */
    private record Count(int failures, Instant last, Instant blockedUntil, String firstAddress, boolean manyAddresses,
                         Duration keep) {

        Instant forgetAt() {
            Instant afterLast = last.plus(keep);
            return blockedUntil != null && blockedUntil.isAfter(afterLast) ? blockedUntil : afterLast;
        }

        long nanosLeft(Instant now) {
            return Math.max(1, Duration.between(now, forgetAt()).toNanos());
        }

        boolean blocks(Instant now) {
            return blockedUntil != null && now.isBefore(blockedUntil);
        }
    }

    /** Why an attempt is refused before its password is checked. */
    public enum Refusal {
        /** This name from this address: locked. */
        LOCKED,
        /** This address: locked for every name. */
        ADDRESS_LOCKED,
        /** This name, tried from several addresses: waits before its next try. */
        DELAYED,
        /** Every entry is in use and this address has none: it cannot be counted, so it cannot try. */
        SATURATED
    }

    /** What a failure led to, for the security log. */
    public record Outcome(boolean lockedName, boolean lockedAddress, Duration delay) {
    }

    /** Why an attempt from this address for this name may not be checked now, or null if it may. */
    public Refusal refusal(String username, String address) {
        Instant now = clock.instant();
        Count ofAddress = current(addressKey(address), now);
        if (ofAddress != null && ofAddress.blocks(now)) return Refusal.ADDRESS_LOCKED;
        Count ofPair = current(pairKey(username, address), now);
        if (ofPair != null && ofPair.blocks(now)) return Refusal.LOCKED;
        Count ofName = current(nameKey(username), now);
        if (ofName != null && ofName.blocks(now)) return Refusal.DELAYED;
        if (ofAddress == null && full()) return Refusal.SATURATED;
        return null;
    }

    /** Counts a failed password check. */
    public synchronized Outcome failed(String username, String address) {
        Instant now = clock.instant();
        Count pair = next(pairKey(username, address), now, address, maxFailures, lockout);
        Count byAddress = next(addressKey(address), now, address, maxFailuresPerAddress, lockout);
        Count name = next(nameKey(username), now, address, Integer.MAX_VALUE, null);
        Duration delay = null;
        if (name != null && name.manyAddresses() && name.failures() >= maxFailures) {
            delay = delayAfter(name.failures() - maxFailures);
            name = new Count(name.failures(), now, now.plus(delay), name.firstAddress(), true, lockout);
            counts.put(nameKey(username), name);
        }
        return new Outcome(pair != null && pair.failures() == maxFailures,
                byAddress != null && byAddress.failures() == maxFailuresPerAddress, delay);
    }

    /**
     * An attempt refused for its name's delay, without a password check: counted against its address,
     * and the name from that address, so that guessing through a delay leads to their locks.
     */
    public synchronized void refusedUnchecked(String username, String address) {
        Instant now = clock.instant();
        next(pairKey(username, address), now, address, maxFailures, lockout);
        next(addressKey(address), now, address, maxFailuresPerAddress, lockout);
    }

    /**
     * A password was right: this name starts afresh from this address, and everywhere if only this
     * address had failed with it. The address's own count stays: succeeding with one's own account
     * must not reset the count of guesses at others.
     */
    public synchronized void succeeded(String username, String address) {
        counts.invalidate(pairKey(username, address));
        Count name = current(nameKey(username), clock.instant());
        if (name != null && !name.manyAddresses()) counts.invalidate(nameKey(username));
    }

    public Duration lockout() {
        return lockout;
    }

    /** 1 s, 2 s, 4 s, … for the 1st, 2nd, 3rd failure beyond the limit; at most max-delay. */
    private Duration delayAfter(int beyond) {
        if (beyond >= 30) return maxDelay;
        Duration delay = Duration.ofSeconds(1L << beyond);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The key's count with one more failure (blocked from the limit on), or null if it could not be kept. */
    private Count next(String key, Instant now, String address, int limit, Duration block) {
        Count before = current(key, now);
        if (before == null && full()) return null;
        int failures = before == null ? 1 : before.failures() + 1;
        Instant blockedUntil = before != null && before.blocks(now) ? before.blockedUntil()
                : block != null && failures >= limit ? now.plus(block) : null;
        String client = Clients.of(address);
        boolean many = before != null && (before.manyAddresses() || !before.firstAddress().equals(client));
        Count count = new Count(failures, now, blockedUntil, before == null ? client : before.firstAddress(), many, lockout);
        counts.put(key, count);
        return count;
    }

    /** The count kept for the key, if it is still in force: a lock that ended, and the failures before it, are over. */
    private Count current(String key, Instant now) {
        Count count = counts.getIfPresent(key);
        if (count == null) return null;
        if (!now.isBefore(count.forgetAt())) {
            counts.invalidate(key);
            return null;
        }
        return count;
    }

    private boolean full() {
        if (counts.estimatedSize() < maxTracked) return false;
        counts.cleanUp(); // drops what has expired, then look again
        return counts.estimatedSize() >= maxTracked;
    }

    private static final String REFUSED = LoginAttempts.class.getName() + ".refused";

    /** Notes on the current request why its sign-in was refused without a password check. */
    static void markRefused(Refusal refusal) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) request.setAttribute(REFUSED, refusal, RequestAttributes.SCOPE_REQUEST);
    }

    /** Why the current request's sign-in was refused without a password check, or null if it was checked. */
    static Refusal refusalOfThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (Refusal) request.getAttribute(REFUSED, RequestAttributes.SCOPE_REQUEST);
    }

    static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static String nameKey(String username) {
        return "name:" + key(username);
    }

    private static String pairKey(String username, String address) {
        return "pair:" + Clients.of(address) + " " + key(username);
    }

    private static String addressKey(String address) {
        return "address:" + Clients.of(address);
    }
}
