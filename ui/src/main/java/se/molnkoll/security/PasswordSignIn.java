package se.molnkoll.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sign-in with a user name and password (the login form, and HTTP Basic on every API request):
 * <ul>
 *     <li>Checks for one name run one at a time, with the lockout decided before and counted after
 *     each ({@link LoginAttempts}): parallel guesses get no more checks than sequential ones.</li>
 *     <li>An attempt refused by a lock or a delay fails like a wrong password, at once and without
 *     bcrypt: a flood of guesses at a locked name costs no password checks. Names that do not exist
 *     are counted and locked the same way, so a lock says nothing about whether a name exists.</li>
 *     <li>A name and password that were right from the same client (address) in the last
 *     {@value #REMEMBER_MINUTES} minutes are known again without bcrypt (by a keyed hash, kept only in
 *     memory), so an API client sending Basic on every request does not pay bcrypt each time, and a
 *     lock others caused elsewhere, or a delay of its name, does not stop it. Never past a lock of its own
 *     address: else a guess from there would be answered at once, right or wrong, however many came.</li>
 * </ul>
 * Every password check is counted in the metric {@value #CHECKS_METRIC}.
 */
final class PasswordSignIn implements AuthenticationProvider {

    static final long REMEMBER_MINUTES = 10;
    static final String CHECKS_METRIC = "molnkoll.security.password.checks";
    private static final int REMEMBERED = 1_000;

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;
    private final SecurityEvents events;
    private final Clock clock;
    private final Counter checks;
    private final Mac key;
    /** Names share 64 locks: one check per name at a time, in bounded memory. */
    private final Object[] oneAtATime = new Object[64];
    private final Map<String, Remembered> remembered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Remembered(Object principal, Collection<? extends GrantedAuthority> authorities, Instant until) {
    }

    PasswordSignIn(UserDetailsService users, PasswordEncoder encoder, LoginAttempts attempts, SecurityEvents events,
                   Clock clock, MeterRegistry meters) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.attempts = attempts;
        this.events = events;
        this.clock = clock;
        this.checks = Counter.builder(CHECKS_METRIC).description("Passwords checked (bcrypt) at sign-in").register(meters);
        for (int i = 0; i < oneAtATime.length; i++) oneAtATime[i] = new Object();
        try {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret); // new with every start: nothing remembered survives a restart
            this.key = Mac.getInstance("HmacSHA256");
            this.key.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String name = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        if (name == null || name.length() > LoginAttempts.MAX_NAME) throw new BadCredentialsException("Bad credentials");
        String address = SecurityEvents.address(request);
        String fingerprint = fingerprint(name, password, Clients.of(address));
        Authentication known = recalled(fingerprint, name, address, request); // most API requests end here
        if (known != null) return known;
        synchronized (oneAtATime[Math.floorMod(LoginAttempts.key(name).hashCode(), oneAtATime.length)]) {
            known = recalled(fingerprint, name, address, request); // checked by a request that went first
            if (known != null) return known;
            LoginAttempts.Refusal refusal = attempts.refusal(name, address);
            if (refusal == LoginAttempts.Refusal.DELAYED) {
                // not checked, but counted against this address: waiting out the delay is the only way on
                attempts.refusedUnchecked(name, address);
                throw refused(refusal);
            }
            if (refusal != null) throw refused(refusal);
            Authentication result;
            try {
                checks.increment();
                result = passwords.authenticate(request);
            } catch (AuthenticationException failed) {
                LoginAttempts.Outcome outcome = attempts.failed(name, address);
                if (events != null) events.counted(name, address, outcome);
                throw failed;
            }
            attempts.succeeded(name, address);
            synchronized (remembered) {
                remembered.put(fingerprint, new Remembered(result.getPrincipal(), result.getAuthorities(),
                        clock.instant().plus(Duration.ofMinutes(REMEMBER_MINUTES))));
            }
            return result;
        }
    }

    /**
     * The sign-in of credentials remembered for this client, or null if they are not. Refused if the name
     * is locked for this address, or the address is: even remembered credentials, else every guess from
     * here would be answered at once, right or wrong, however many came.
     */
    private Authentication recalled(String fingerprint, String name, String address, Authentication request) {
        LoginAttempts.Refusal refusal = attempts.refusal(name, address);
        if (refusal == LoginAttempts.Refusal.LOCKED || refusal == LoginAttempts.Refusal.ADDRESS_LOCKED) {
            throw refused(refusal);
        }
        Remembered known = recall(fingerprint);
        return known == null ? null : signedIn(known.principal(), known.authorities(), request);
    }

    private static BadCredentialsException refused(LoginAttempts.Refusal refusal) {
        LoginAttempts.markRefused(refusal);
        return new BadCredentialsException("Bad credentials");
    }

    private Remembered recall(String fingerprint) {
        synchronized (remembered) {
            Remembered known = remembered.get(fingerprint);
            if (known == null) return null;
            if (!clock.instant().isBefore(known.until())) {
                remembered.remove(fingerprint);
                return null;
            }
            return known;
        }
    }

    private static Authentication signedIn(Object principal, Collection<? extends GrantedAuthority> authorities,
                                           Authentication request) {
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        result.setDetails(request.getDetails());
        return result;
    }

    /** The keyed hash of a name and password as proved from one client (address, or IPv6 network). */
    private String fingerprint(String name, String password, String client) {
        synchronized (key) {
            return HexFormat.of().formatHex(key.doFinal((LoginAttempts.key(name) + "\u0000" + client + "\u0000" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
