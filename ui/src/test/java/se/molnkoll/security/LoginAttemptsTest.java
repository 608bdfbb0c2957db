package se.molnkoll.security;

import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.testing.MutableClock;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.security.LoginAttempts.Refusal.ADDRESS_LOCKED;
import static se.molnkoll.security.LoginAttempts.Refusal.DELAYED;
import static se.molnkoll.security.LoginAttempts.Refusal.LOCKED;
import static se.molnkoll.security.LoginAttempts.Refusal.SATURATED;

/** The rules of the lockout, one at a time, on the counts themselves (the sign-in over HTTP: WebHardeningTest). */
class LoginAttemptsTest {

    static final String ATTACKER = "203.0.113.7";
    static final String USER = "198.51.100.20";

    private final MutableClock clock = MutableClock.at(LocalDate.of(2026, 12, 4));

    private LoginAttempts attempts(long maxTracked) {
        return new LoginAttempts(new LockoutProperties(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(5), maxTracked), clock);
    }

    private static void fail(LoginAttempts attempts, String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(attempts.refusal(name, address)).as("try %d of %s from %s", i + 1, name, address).isNull();
            attempts.failed(name, address);
        }
    }

    @Test
    void five_failures_lock_a_name_for_that_address_only_until_the_lock_ends() {
        LoginAttempts attempts = attempts(100_000);
        fail(attempts, "karin", ATTACKER, 4);
        assertThat(attempts.failed("karin", ATTACKER).lockedName()).isTrue();
        assertThat(attempts.refusal("karin", ATTACKER)).isEqualTo(LOCKED);
        assertThat(attempts.refusal("KARIN ", ATTACKER)).as("the same name, typed otherwise").isEqualTo(LOCKED);
        assertThat(attempts.refusal("karin", USER)).as("the user, elsewhere, is not locked out").isNull();

        clock.set(clock.instant().plus(Duration.ofMinutes(15)).minusSeconds(1));
        assertThat(attempts.refusal("karin", ATTACKER)).isEqualTo(LOCKED);
        clock.set(clock.instant().plusSeconds(1));
        assertThat(attempts.refusal("karin", ATTACKER)).isNull();
    }

    @Test
    void a_flood_of_other_names_cannot_push_a_lock_out() {
        LoginAttempts attempts = attempts(100_000);
        fail(attempts, "karin", ATTACKER, 5);
        // more names than the old least-recently-used map kept (10,000), from as many addresses
        for (int i = 0; i < 12_000; i++) {
            attempts.failed("name-" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(attempts.refusal("karin", ATTACKER)).isEqualTo(LOCKED);
    }

    @Test
    void when_every_entry_is_in_use_locks_hold_counted_addresses_go_on_and_uncounted_ones_wait() {
        LoginAttempts attempts = attempts(60);
        fail(attempts, "karin", ATTACKER, 5); // three entries: the pair, the address, the name
        fail(attempts, "anna", USER, 1);
        for (int i = 0; attempts.refusal("name-" + i, "10.0.0." + i) == null; i++) {
            attempts.failed("name-" + i, "10.0.0." + i);
        }
        assertThat(attempts.refusal("karin", ATTACKER)).as("no lock is pushed out").isEqualTo(LOCKED);
        assertThat(attempts.refusal("anna", USER)).as("an address already counted may try").isNull();
        assertThat(attempts.refusal("anna", "192.0.2.99")).as("one that cannot be counted may not").isEqualTo(SATURATED);

        clock.set(clock.instant().plus(Duration.ofMinutes(16)));
        assertThat(attempts.refusal("anna", "192.0.2.99")).as("the entries expire by time").isNull();
    }

    @Test
    void one_address_may_not_try_more_than_twenty_names() {
        LoginAttempts attempts = attempts(100_000);
        for (int i = 0; i < 19; i++) fail(attempts, "name-" + i, ATTACKER, 1);
        assertThat(attempts.failed("name-19", ATTACKER).lockedAddress()).isTrue();
        assertThat(attempts.refusal("karin", ATTACKER)).isEqualTo(ADDRESS_LOCKED);
        assertThat(attempts.refusal("karin", USER)).isNull();
        // succeeding with one's own account does not reset the count of guesses at others
        LoginAttempts other = attempts(100_000);
        for (int i = 0; i < 10; i++) fail(other, "name-" + i, ATTACKER, 1);
        other.succeeded("own-account", ATTACKER);
        for (int i = 10; i < 20; i++) fail(other, "name-" + i, ATTACKER, 1);
        assertThat(other.refusal("karin", ATTACKER)).isEqualTo(ADDRESS_LOCKED);
    }

    @Test
    void a_name_tried_from_many_addresses_waits_longer_after_each_failure_but_is_never_locked() {
        LoginAttempts attempts = attempts(100_000);
        for (int i = 1; i <= 4; i++) fail(attempts, "karin", "10.0.0." + i, 1);
        LoginAttempts.Outcome fifth = attempts.failed("karin", "10.0.0.5");
        assertThat(fifth.delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(attempts.refusal("karin", USER)).isEqualTo(DELAYED);
        clock.set(clock.instant().plusSeconds(1));
        assertThat(attempts.refusal("karin", USER)).isNull();
        assertThat(attempts.failed("karin", "10.0.0.6").delay()).isEqualTo(Duration.ofSeconds(2));
        clock.set(clock.instant().plusSeconds(2));
        assertThat(attempts.failed("karin", "10.0.0.7").delay()).isEqualTo(Duration.ofSeconds(4));
        for (int i = 8; i < 30; i++) {
            clock.set(clock.instant().plus(Duration.ofMinutes(5)));
            assertThat(attempts.failed("karin", "10.0.1." + i).delay()).isLessThanOrEqualTo(Duration.ofMinutes(5));
        }
        clock.set(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(attempts.refusal("karin", USER)).as("at most max-delay: the user gets a turn").isNull();
    }

    @Test
    void guessing_through_a_delay_locks_the_guessing_address() {
        LoginAttempts attempts = attempts(100_000);
        for (int i = 1; i <= 5; i++) fail(attempts, "karin", "10.0.0." + i, 1);
        assertThat(attempts.refusal("karin", ATTACKER)).isEqualTo(DELAYED);
        for (int i = 0; i < 5; i++) attempts.refusedUnchecked("karin", ATTACKER);
        clock.set(clock.instant().plus(Duration.ofMinutes(6)));
        assertThat(attempts.refusal("karin", ATTACKER)).isEqualTo(LOCKED);
        assertThat(attempts.refusal("karin", USER)).isNull();
    }

    @Test
    void a_success_starts_the_name_afresh_from_that_address() {
        LoginAttempts attempts = attempts(100_000);
        fail(attempts, "karin", USER, 4);
        attempts.succeeded("karin", USER);
        fail(attempts, "karin", USER, 4);
        assertThat(attempts.refusal("karin", USER)).isNull();
    }

    @Test
    void an_ipv6_client_is_counted_by_its_network() {
        assertThat(Clients.of("2001:db8:1:2:aaaa::1")).isEqualTo(Clients.of("2001:db8:1:2:bbbb::9"));
        assertThat(Clients.of("2001:db8:1:2::1")).isNotEqualTo(Clients.of("2001:db8:1:3::1"));
        assertThat(Clients.of("192.0.2.1")).isEqualTo("192.0.2.1");
        LoginAttempts attempts = attempts(100_000);
        for (int i = 1; i <= 5; i++) fail(attempts, "karin", "2001:db8:1:2::" + Integer.toHexString(i), 1);
        assertThat(attempts.refusal("karin", "2001:db8:1:2::ffff")).isEqualTo(LOCKED);
    }
}
