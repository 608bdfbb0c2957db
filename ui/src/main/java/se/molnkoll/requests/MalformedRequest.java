package se.molnkoll.requests;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A request whose parameters or parts cannot be read as sent: 400, or 413 for too much (see {@link WellFormedRequests}). */
final class MalformedRequest extends Exception {

    /** A parameter (or the query or body as a whole) and why it cannot be read. */
    record Problem(String field, String message) {
    }

    private final HttpStatus status;
    private final transient List<Problem> problems;

    MalformedRequest(HttpStatus status, List<Problem> problems) {
        super(null, null, false, false);
        this.status = status;
        this.problems = problems;
    }

    HttpStatus status() {
        return status;
    }

    List<Problem> problems() {
        return problems;
    }
}
