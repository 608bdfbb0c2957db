package se.molnkoll.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;

/**
 * Failed sign-ins, lockouts and refused requests: each logged with user, address and time (never a
 * password or a token; what a user typed is cleaned of control characters), and counted in the metric {@code molnkoll.security.events} by {@code type}
 * (login_failed, locked_out, access_denied).
 */
@Component
public class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("se.molnkoll.security.events");

    private final LoginAttempts attempts;
    private final Clock clock;
    private final Counter loginFailed;
    private final Counter lockedOut;
    private final Counter accessDenied;

    public SecurityEvents(LoginAttempts attempts, MeterRegistry meters, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
        this.loginFailed = counter(meters, "login_failed");
        this.lockedOut = counter(meters, "locked_out");
        this.accessDenied = counter(meters, "access_denied");
    }

    private static Counter counter(MeterRegistry meters, String type) {
        return Counter.builder("molnkoll.security.events").tag("type", type)
                .description("Failed sign-ins, lockouts and refused requests").register(meters);
    }

    @EventListener
    public void loginFailed(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureProviderNotFoundEvent) {
            return; // the parent manager's "no provider" for a token its child then judges: one failure, not two
        }
        Authentication attempt = event.getAuthentication();
        loginFailed.increment();
        if (!(attempt instanceof UsernamePasswordAuthenticationToken)) {
            // a bearer token's "name" is the token itself: never log it
            log.warn("LOGIN_FAILED user=<{}> address={} at={} reason={}", attempt.getClass().getSimpleName(),
                    address(attempt), clock.instant(), event.getException().getClass().getSimpleName());
            return;
        }
        String user = loggable(attempt.getName());
        if (LoginAttempts.wasRefused()) {
            log.warn("LOGIN_REFUSED_LOCKED user={} address={} at={}", user, address(attempt), clock.instant());
        } else {
            log.warn("LOGIN_FAILED user={} address={} at={} reason={}", user, address(attempt), clock.instant(),
                    event.getException().getClass().getSimpleName());
        }
    }

    /** The attempt that locked a user name (see {@link LoginAttempts}). */
    public void lockedOut(String username) {
        lockedOut.increment();
        log.warn("LOCKED_OUT user={} address={} at={} for={}", loggable(username), currentAddress(), clock.instant(),
                attempts.lockout());
    }

    @EventListener
    public void loginSucceeded(AuthenticationSuccessEvent event) {
        // only a password sign-in clears its name's attempts; a token of the same name is someone else's business
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            attempts.succeeded(event.getAuthentication().getName());
        }
    }

    @EventListener
    public void accessDenied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return; // not signed in: sent to sign in (401, or the login page), not a refusal
        }
        denied(who.getName(), event.getObject() instanceof HttpServletRequest request
                ? request.getMethod() + " " + request.getRequestURI() : String.valueOf(event.getObject()));
    }

    /** A refusal decided after security's own rules (e.g. another organisation unit's service). */
    public void denied(String user, String what) {
        accessDenied.increment();
        log.warn("ACCESS_DENIED user={} address={} at={} request={}", loggable(user), currentAddress(), clock.instant(),
                loggable(what));
    }

    /** What a user typed, safe for one log line: no control characters (no forged lines), not too long. */
    static String loggable(String value) {
        if (value == null) return "-";
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) return details.getRemoteAddress();
        return currentAddress();
    }

    private static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr() : "-";
    }
}
