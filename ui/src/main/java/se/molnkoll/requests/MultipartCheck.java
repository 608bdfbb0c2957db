package se.molnkoll.requests;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.apache.catalina.Globals;
import org.apache.tomcat.util.http.Parameters;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A multipart body must parse (boundary, part headers, file names, the number of parts), and each
 * field beside a file must be valid text. Tomcat keeps the parts it parsed here for Spring.
 */
final class MultipartCheck {

    private MultipartCheck() {
    }

    /**
     * Parses the multipart body (Tomcat keeps the parts for Spring) and checks each field beside a file.
     * Tomcat says what went wrong through the parse-failure reason it records.
     */
    static void check(HttpServletRequest request, Charset charset) throws MalformedRequest, IOException, ServletException {
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (IllegalStateException | IOException | ServletException | InvalidFileNameException failed) {
            Object reason = request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR);
            if (reason == Parameters.FailReason.POST_TOO_LARGE && !(rootCause(failed) instanceof
                    org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException)) {
                throw new MalformedRequest(HttpStatus.PAYLOAD_TOO_LARGE, List.of(new MalformedRequest.Problem("body",
                        "is larger than this address takes: a document at most molnkoll.documents.max-size, the form's "
                                + "other fields at most molnkoll.limits.body-size, each part's headers at most "
                                + "server.tomcat.max-part-header-size")));
            }
            if (failed instanceof IOException && !(failed instanceof FileUploadException)
                    && !(rootCause(failed) instanceof FileUploadException)) {
                throw failed; // reading the request failed (the client went away, the disk is full): not a malformed body
            }
            throw new MalformedRequest(HttpStatus.BAD_REQUEST, List.of(new MalformedRequest.Problem("body", "is not a well-formed multipart body: "
                    + (namesABoundary(request.getContentType()) ? describe(failed) : "its Content-Type names no boundary"))));
        }
        List<MalformedRequest.Problem> problems = new ArrayList<>();
        for (Part part : parts) {
            if (part.getSubmittedFileName() != null) continue;
            byte[] value;
            try (InputStream in = part.getInputStream()) {
                value = in.readAllBytes(); // the fields together are bounded by server.tomcat.max-http-form-post-size
            }
            if (StrictParameters.strictly(value, charset) == null) {
                String name = part.getName() == null ? "body" : part.getName();
                problems.add(new MalformedRequest.Problem(name, "is not valid " + charset.name()));
            }
        }
        if (!problems.isEmpty()) throw new MalformedRequest(HttpStatus.BAD_REQUEST, problems);
    }

    private static boolean namesABoundary(String contentType) {
        try {
            String boundary = MediaType.parseMediaType(contentType).getParameter("boundary");
            return boundary != null && !boundary.isBlank();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        return cause;
    }

    /** What Tomcat's multipart parser said, in its own words, which name no value of the request. */
    private static String describe(Exception failed) {
        Throwable cause = rootCause(failed);
        if (cause instanceof org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException) {
            return "more parts than server.tomcat.max-part-count";
        }
        if (cause instanceof InvalidFileNameException) return "a file name holds a NUL character";
        return "its parts cannot be read (boundary, part headers)";
    }
}
