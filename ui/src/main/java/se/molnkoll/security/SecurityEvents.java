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
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.molnkoll.kernel.Loggable;

import java.time.Clock;

/**
 * Failed sign-ins, lockouts and refused requests: each logged with user, address and time (never a
 * password or a token; what a user typed goes through {@link Loggable}), and counted in the metric
 * {@code molnkoll.security.events} by {@code type} (login_failed, locked_out, access_denied).
 * <ul>
 *     <li>{@code LOGIN_FAILED}: a password checked and wrong (or a bearer token refused);</li>
 *     <li>{@code LOCKED_OUT}: the failure that locked a name for an address, or an address for every name;</li>
 *     <li>{@code LOGIN_DELAYED}: a name tried from several addresses must wait before its next try;</li>
 *     <li>{@code LOGIN_REFUSED_LOCKED}: an attempt refused without a password check, with the reason
 *     (locked, address-locked, delayed, saturated);</li>
 *     <li>{@code ACCESS_DENIED}: a signed-in user asked for what the role may not have.</li>
 * </ul>
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
                    Loggable.value(address(attempt)), clock.instant(), event.getException().getClass().getSimpleName());
            return;
        }
        String user = Loggable.value(attempt.getName());
        LoginAttempts.Refusal refusal = LoginAttempts.refusalOfThisRequest();
        if (refusal != null) {
            log.warn("LOGIN_REFUSED_LOCKED user={} address={} at={} reason={}", user, Loggable.value(address(attempt)),
                    clock.instant(), refusal.name().toLowerCase(java.util.Locale.ROOT));
        } else {
            log.warn("LOGIN_FAILED user={} address={} at={} reason={}", user, Loggable.value(address(attempt)),
                    clock.instant(), event.getException().getClass().getSimpleName());
        }
    }

    /** What a failed password check led to (see {@link LoginAttempts}). */
    public void counted(String username, String address, LoginAttempts.Outcome outcome) {
        if (outcome.lockedName()) {
            lockedOut.increment();
            log.warn("LOCKED_OUT user={} address={} at={} for={}", Loggable.value(username), Loggable.value(address),
                    clock.instant(), attempts.lockout());
        }
        if (outcome.lockedAddress()) {
            lockedOut.increment();
            log.warn("LOCKED_OUT user=* address={} at={} for={}", Loggable.value(address), clock.instant(),
                    attempts.lockout());
        }
        if (outcome.delay() != null) {
            log.warn("LOGIN_DELAYED user={} address={} at={} for={}", Loggable.value(username), Loggable.value(address),
                    clock.instant(), outcome.delay());
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
        log.warn("ACCESS_DENIED user={} address={} at={} request={}", Loggable.value(user), Loggable.value(currentAddress()),
                clock.instant(), Loggable.value(what));
    }

    /** The address a sign-in came from: the client's, as the trusted proxy (if any) names it. */
    static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) return details.getRemoteAddress();
        return currentAddress();
    }

    private static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr() : "-";
    }
}
