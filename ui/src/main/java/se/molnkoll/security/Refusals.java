package se.molnkoll.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import se.molnkoll.requests.ProblemResponses;

import java.io.IOException;

/** How a request security refuses is answered: problem+json on the API, the login page or the error page on the pages. */
final class Refusals {

    private Refusals() {
    }

    /**
     * A form whose CSRF token no longer matches (its session ended, say) goes to the login page, which
     * says that nothing was saved; any other refusal is the 403 error page.
     */
    static AccessDeniedHandler pagesAccessDenied() {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (denied instanceof CsrfException) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }

    static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return (request, response, e) -> {
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + SecurityConfiguration.REALM + "\"");
            String detail = "Sign in to use Molnkoll (HTTP Basic).";
            if (e instanceof InvalidBearerTokenException) {
                response.addHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                detail = "The bearer token is not valid: expired, not signed by the provider, or not meant for Molnkoll.";
            }
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, detail);
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> writeProblem(json, response, HttpStatus.FORBIDDEN,
                "Your role does not allow " + request.getMethod() + " " + request.getRequestURI() + ".");
    }

    static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status,
                                     String detail) throws IOException {
        ProblemResponses.write(json, response, status, null, detail);
    }
}
