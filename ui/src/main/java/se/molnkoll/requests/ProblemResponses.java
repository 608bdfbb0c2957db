package se.molnkoll.requests;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/** A problem+json answer written where no controller runs: a filter, Spring Security's handlers. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Writes the problem as the whole response; type may be null (about:blank). */
    public static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, URI type, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (type != null) problem.setType(type);
        write(json, response, problem);
    }

    /** Writes the problem as the whole response. */
    public static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
