package se.molnkoll.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.apache.catalina.Globals;
import org.apache.tomcat.util.http.Parameters;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns away a request whose parameters or parts cannot be read exactly as sent, before anything
 * reads them: 400 (413 for too much), problem+json for the API naming the parameter where one can be
 * named, the error page for the pages. Tomcat would read them leniently: a parameter that is not
 * valid percent-encoding is dropped without a word, bytes that are not valid UTF-8 become U+FFFD, a
 * broken multipart body fails later inside Spring as a server error.
 * <ul>
 *     <li>the query string, and a form's body ({@code application/x-www-form-urlencoded}): valid
 *     percent-encoding, valid text in the request's charset, at most {@code server.tomcat.max-parameter-count}
 *     parameters. A form's body is read here (it is short: {@link RequestLimits}), so its parameters are
 *     served from what was checked;</li>
 *     <li>a multipart body: it must parse (boundary, part headers, file names, at most
 *     {@code server.tomcat.max-part-count} parts), and each field beside a file must be valid text.</li>
 * </ul>
 * It runs inside the security chains (see SecurityConfiguration): on the pages before the CSRF check,
 * which reads the form's token; on the API once the request is authorised, so that nobody can make
 * Molnkoll parse an upload without the right to send one.
 */
public class WellFormedRequests extends OncePerRequestFilter {

    static final URI INVALID_INPUT = URI.create("urn:molnkoll:problem:invalid-input");

    private final ObjectMapper json;
    private final boolean api;
    private final int maxParameters;
    private final long maxFormBytes;

    /**
     * @param api           whether refusals are problem+json (the API) or the error page (the pages)
     * @param maxParameters parameters a query string or a form may have
     * @param maxFormBytes  the longest form body (molnkoll.limits.body-size)
     */
    public WellFormedRequests(ObjectMapper json, boolean api, int maxParameters, long maxFormBytes) {
        this.json = json;
        this.api = api;
        this.maxParameters = maxParameters;
        this.maxFormBytes = maxFormBytes;
    }

    /** A parameter (or the query or body as a whole) and why it cannot be read. */
    record Problem(String field, String message) {
    }

    /** The request cannot be read; status is 400 or 413. */
    private static final class Refused extends Exception {
        final HttpStatus status;
        final transient List<Problem> problems;

        Refused(HttpStatus status, List<Problem> problems) {
            super(null, null, false, false);
            this.status = status;
            this.problems = problems;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked;
        try {
            checked = check(request);
        } catch (Refused refused) {
            refuse(response, refused);
            return;
        }
        chain.doFilter(checked, response);
    }

    private HttpServletRequest check(HttpServletRequest request) throws Refused, IOException, ServletException {
        Charset charset = charsetOf(request);
        Map<String, List<String>> query = new LinkedHashMap<>();
        String rawQuery = request.getQueryString();
        if (rawQuery != null) {
            parse(rawQuery.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, "query", query);
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFormBytes + 1));
            if (body.length > maxFormBytes) {
                throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, List.of(new Problem("body",
                        "is longer than " + maxFormBytes + " bytes (molnkoll.limits.body-size)")));
            }
            Map<String, List<String>> parameters = new LinkedHashMap<>(query);
            parse(body, charset, "body", parameters);
            return new CheckedForm(request, parameters, body);
        }
        if (type.startsWith("multipart/")) {
            checkParts(request, charset);
        }
        return request;
    }

    private static Charset charsetOf(HttpServletRequest request) {
        try {
            return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(request.getCharacterEncoding());
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8; // Spring's character encoding filter sets UTF-8 on every request anyway
        }
    }

    /** Parses {@code name=value&...} exactly: every escape valid, every name and value valid text in the charset. */
    private void parse(byte[] raw, Charset charset, String where, Map<String, List<String>> into) throws Refused {
        List<Problem> problems = new ArrayList<>();
        int count = 0;
        int start = 0;
        while (start <= raw.length) {
            int end = indexOf(raw, (byte) '&', start);
            if (end > start) {
                if (++count > maxParameters) {
                    throw new Refused(HttpStatus.BAD_REQUEST, List.of(new Problem(where,
                            "has more than " + maxParameters + " parameters (server.tomcat.max-parameter-count)")));
                }
                int equals = indexOf(raw, (byte) '=', start);
                int nameEnd = Math.min(equals, end);
                String name = decode(raw, start, nameEnd, charset);
                String value = nameEnd < end ? decode(raw, nameEnd + 1, end, charset) : "";
                if (name == null) {
                    problems.add(new Problem(where, "has a parameter name that is not valid percent-encoded " + charset.name()));
                } else if (value == null) {
                    problems.add(new Problem(name, "is not valid percent-encoded " + charset.name()));
                } else {
                    into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
            start = end + 1;
        }
        if (!problems.isEmpty()) throw new Refused(HttpStatus.BAD_REQUEST, problems);
    }

    private static int indexOf(byte[] raw, byte wanted, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == wanted) return i;
        }
        return raw.length;
    }

    /** The text of raw[from, to) with '+' as space and %XX escapes, or null if it is not valid. */
    private static String decode(byte[] raw, int from, int to, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) return null;
                int high = Character.digit(raw[i + 1], 16);
                int low = Character.digit(raw[i + 2], 16);
                if (high < 0 || low < 0) return null;
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return strictly(bytes.toByteArray(), charset);
    }

    /** The bytes as text, or null if they are not valid in the charset. */
    private static String strictly(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Parses the multipart body (Tomcat keeps the parts for Spring) and checks each field beside a file.
     * Tomcat says what went wrong through the parse-failure reason it records.
     */
    private static void checkParts(HttpServletRequest request, Charset charset) throws Refused, IOException, ServletException {
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (IllegalStateException | IOException | ServletException | InvalidFileNameException failed) {
            Object reason = request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR);
            if (reason == Parameters.FailReason.POST_TOO_LARGE && !(rootCause(failed) instanceof
                    org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException)) {
                throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, List.of(new Problem("body",
                        "is larger than this address takes: a document at most molnkoll.documents.max-size, the form's "
                                + "other fields at most molnkoll.limits.body-size, each part's headers at most "
                                + "server.tomcat.max-part-header-size")));
            }
            if (failed instanceof IOException && !(failed instanceof FileUploadException)
                    && !(rootCause(failed) instanceof FileUploadException)) {
                throw failed; // reading the request failed (the client went away, the disk is full): not a malformed body
            }
            throw new Refused(HttpStatus.BAD_REQUEST, List.of(new Problem("body", "is not a well-formed multipart body: "
                    + (namesABoundary(request.getContentType()) ? describe(failed) : "its Content-Type names no boundary"))));
        }
        List<Problem> problems = new ArrayList<>();
        for (Part part : parts) {
            if (part.getSubmittedFileName() != null) continue;
            byte[] value;
            try (InputStream in = part.getInputStream()) {
                value = in.readAllBytes(); // the fields together are bounded by server.tomcat.max-http-form-post-size
            }
            if (strictly(value, charset) == null) {
                String name = part.getName() == null ? "body" : part.getName();
                problems.add(new Problem(name, "is not valid " + charset.name()));
            }
        }
        if (!problems.isEmpty()) throw new Refused(HttpStatus.BAD_REQUEST, problems);
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

    private void refuse(HttpServletResponse response, Refused refused) throws IOException {
        if (!api) {
            response.sendError(refused.status.value()); // the error page, in the user's language
            return;
        }
        boolean tooLarge = refused.status == HttpStatus.PAYLOAD_TOO_LARGE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status, (tooLarge ? "Too large, nothing was "
                + "recorded: " : "Invalid input: ") + String.join("; ",
                refused.problems.stream().map(p -> p.field() + " " + p.message()).toList()));
        problem.setType(tooLarge ? RequestLimits.TOO_LARGE : INVALID_INPUT);
        problem.setTitle(tooLarge ? "Payload Too Large" : "Invalid input");
        problem.setProperty("errors", refused.problems);
        ProblemResponses.write(json, response, problem);
    }

    /** A form whose body was read and checked here: its parameters are served from what was checked. */
    private static final class CheckedForm extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters = new LinkedHashMap<>();
        private final byte[] body;

        CheckedForm(HttpServletRequest request, Map<String, List<String>> parameters, byte[] body) {
            super(request);
            parameters.forEach((name, values) -> this.parameters.put(name, values.toArray(String[]::new)));
            this.body = body;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The form was read already");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charsetOf(this)));
        }
    }
}
