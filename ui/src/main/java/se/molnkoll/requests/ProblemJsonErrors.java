package se.molnkoll.requests;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error that no controller answered, in problem+json for a client that does not ask for a
 * page: a method a path does not take (405), a path that does not exist (404), an address the
 * firewall refuses (400), a body type that is not read (415), a failure in a filter. Spring Boot's
 * error controller answers these, in a JSON of its own; this one gives the same answers as problem
 * details, like every other refusal of the API. Browsers asking for HTML still get the error page.
 * <p>
 * Two more cases: {@code /error} asked for directly is a page that does not exist (404, not the 500
 * of an error without a status); and what Tomcat refuses before any application code runs (a request
 * line or header it cannot parse, a path with an invalid escape, an encoded slash or a NUL, headers
 * over {@code server.max-http-request-header-size}) is answered as problem+json too, not as Tomcat's
 * own HTML page.
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
                Map<String, Object> problem = problem(status);
                Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                if (path != null) {
                    problem.put("instance", path.toString());
                }
                return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }

            @Override
            public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
                if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
                    response.setStatus(HttpStatus.NOT_FOUND.value()); // the page asked for directly
                }
                return super.errorHtml(request, response);
            }

            @Override
            protected HttpStatus getStatus(HttpServletRequest request) {
                // /error asked for directly carries no error: there is nothing at that address
                return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null ? HttpStatus.NOT_FOUND
                        : super.getStatus(request);
            }
        };
    }

    static Map<String, Object> problem(HttpStatus status) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", switch (status) {
            case METHOD_NOT_ALLOWED -> "This address does not take that method.";
            case NOT_FOUND -> "There is nothing at this address.";
            case BAD_REQUEST -> "The request is not valid (its address or its form).";
            case UNSUPPORTED_MEDIA_TYPE -> "The body is not of a type this address reads.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than this address takes; nothing was recorded.";
            default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
                    : status.getReasonPhrase() + ".";
        });
        return problem;
    }

    /**
     * Tomcat's own answers (before any filter or servlet runs) in problem+json. Spring Boot adds an
     * error report valve of its own to the host; this one takes its place.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports() {
        return new Customizer();
    }

    private static final class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) host.getPipeline().removeValve(valve);
                }
                host.setErrorReportValveClass(ProblemJsonErrorReport.class.getName());
                host.getPipeline().addValve(new ProblemJsonErrorReport());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's, whose valve it replaces
        }
    }

    /** Writes Tomcat's error responses as problem+json; never a stack trace, never the server's version. */
    public static class ProblemJsonErrorReport extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        public ProblemJsonErrorReport() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
            try {
                String body = JSON.writeValueAsString(problem(status));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away, or the response could not be written: nothing more to do
            }
        }
    }
}
