package se.molnkoll.security;

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
 *     <li>A name that is locked fails like a wrong password, with bcrypt still run, so a lock says
 *     nothing about whether a name exists.</li>
 *     <li>A name and password that were right in the last {@value #REMEMBER_MINUTES} minutes are known
 *     again without bcrypt (by a keyed hash, kept only in memory), so an API client sending Basic on
 *     every request does not pay bcrypt each time.</li>
 * </ul>
 */
final class PasswordSignIn implements AuthenticationProvider {

    static final long REMEMBER_MINUTES = 10;
    private static final int REMEMBERED = 1_000;

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;
    private final SecurityEvents events;
    private final Clock clock;
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
                   Clock clock) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.attempts = attempts;
        this.events = events;
        this.clock = clock;
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
        String fingerprint = fingerprint(name, password);
        Remembered known = recall(fingerprint);
        if (known != null) return signedIn(known.principal(), known.authorities(), request);

        synchronized (oneAtATime[Math.floorMod(LoginAttempts.key(name).hashCode(), oneAtATime.length)]) {
            known = recall(fingerprint); // a request that waited here may find the credentials checked meanwhile
            if (known != null) return signedIn(known.principal(), known.authorities(), request);
            if (attempts.isLocked(name)) {
                LoginAttempts.markRefused();
                passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, "\u0000" + password))
                        .getName(); // never reached: the same bcrypt work as a wrong password, then its failure
            }
            Authentication result;
            try {
                result = passwords.authenticate(request);
            } catch (AuthenticationException failed) {
                if (attempts.failed(name) && events != null) events.lockedOut(name);
                throw failed;
            }
            attempts.succeeded(name);
            synchronized (remembered) {
                remembered.put(fingerprint, new Remembered(result.getPrincipal(), result.getAuthorities(),
                        clock.instant().plus(Duration.ofMinutes(REMEMBER_MINUTES))));
            }
            return result;
        }
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

    private String fingerprint(String name, String password) {
        synchronized (key) {
            return HexFormat.of().formatHex(key.doFinal((LoginAttempts.key(name) + "\u0000" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
