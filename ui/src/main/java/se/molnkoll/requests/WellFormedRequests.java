package se.molnkoll.requests;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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


    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked;
        try {
            checked = check(request);
        } catch (MalformedRequest refused) {
            refuse(response, refused);
            return;
        }
        chain.doFilter(checked, response);
    }

    private HttpServletRequest check(HttpServletRequest request) throws MalformedRequest, IOException, ServletException {
        Charset charset = charsetOf(request);
        Map<String, List<String>> query = new LinkedHashMap<>();
        String rawQuery = request.getQueryString();
        if (rawQuery != null) {
            StrictParameters.parse(rawQuery.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, "query", maxParameters,
                    query);
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFormBytes + 1));
            if (body.length > maxFormBytes) {
                throw new MalformedRequest(HttpStatus.PAYLOAD_TOO_LARGE, List.of(new MalformedRequest.Problem("body",
                        "is longer than " + maxFormBytes + " bytes (molnkoll.limits.body-size)")));
            }
            Map<String, List<String>> parameters = new LinkedHashMap<>(query);
            StrictParameters.parse(body, charset, "body", maxParameters, parameters);
            return new CheckedForm(request, parameters, body);
        }
        if (type.startsWith("multipart/")) {
            MultipartCheck.check(request, charset);
        }
        return request;
    }

    static Charset charsetOf(HttpServletRequest request) {
        try {
            return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(request.getCharacterEncoding());
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8; // Spring's character encoding filter sets UTF-8 on every request anyway
        }
    }



    private void refuse(HttpServletResponse response, MalformedRequest refused) throws IOException {
        if (!api) {
            response.sendError(refused.status().value()); // the error page, in the user's language
            return;
        }
        boolean tooLarge = refused.status() == HttpStatus.PAYLOAD_TOO_LARGE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status(), (tooLarge ? "Too large, nothing was "
                + "recorded: " : "Invalid input: ") + String.join("; ",
                refused.problems().stream().map(p -> p.field() + " " + p.message()).toList()));
        problem.setType(tooLarge ? RequestLimits.TOO_LARGE : INVALID_INPUT);
        problem.setTitle(tooLarge ? "Payload Too Large" : "Invalid input");
        problem.setProperty("errors", refused.problems());
        ProblemResponses.write(json, response, problem);
    }

}
