package se.molnkoll.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
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
 * password), and counted in the metric {@code molnkoll.security.events} by {@code type}
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
        String user = event.getAuthentication().getName();
        String address = address(event.getAuthentication());
        if (event.getException() instanceof LockedException) {
            log.warn("LOGIN_REFUSED_LOCKED user={} address={} at={}", user, address, clock.instant());
            loginFailed.increment();
            return;
        }
        loginFailed.increment();
        log.warn("LOGIN_FAILED user={} address={} at={} reason={}", user, address, clock.instant(),
                event.getException().getClass().getSimpleName());
        if (attempts.failed(user)) {
            lockedOut.increment();
            log.warn("LOCKED_OUT user={} address={} at={} for={}", user, address, clock.instant(), attempts.lockout());
        }
    }

    @EventListener
    public void loginSucceeded(AuthenticationSuccessEvent event) {
        attempts.succeeded(event.getAuthentication().getName());
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
        log.warn("ACCESS_DENIED user={} address={} at={} request={}", user, currentAddress(), clock.instant(), what);
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
