package se.molnkoll.config;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error that no controller answered, in problem+json for a client that does not ask for a
 * page: a method a path does not take (405), a path that does not exist (404), an address the
 * firewall refuses (400), a body type that is not read (415), a failure in a filter. Spring Boot's
 * error controller answers these, in a JSON of its own; this one gives the same answers as problem
 * details, like every other refusal of the API. Browsers asking for HTML still get the error page.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemJsonErrors {

    @Bean
    BasicErrorController basicErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                                              ObjectProvider<ErrorViewResolver> errorViewResolvers) {
        return new BasicErrorController(errorAttributes, server.getError(), errorViewResolvers.orderedStream().toList()) {
            @Override
            public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
                HttpStatus status = getStatus(request);
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "about:blank");
                problem.put("title", status.getReasonPhrase());
                problem.put("status", status.value());
                problem.put("detail", switch (status) {
                    case METHOD_NOT_ALLOWED -> "This address does not take that method.";
                    case NOT_FOUND -> "There is nothing at this address.";
                    case BAD_REQUEST -> "The request is not valid (its address or its form).";
                    case UNSUPPORTED_MEDIA_TYPE -> "The body is not of a type this address reads.";
                    default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
                            : status.getReasonPhrase() + ".";
                });
                Object path = request.getAttribute("jakarta.servlet.error.request_uri");
                if (path != null) {
                    problem.put("instance", path.toString());
                }
                return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
        };
    }
}
