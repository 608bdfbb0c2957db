package se.molnkoll.requests;

import org.springframework.http.HttpStatus;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A query string or a form's body ({@code name=value&...}) read exactly: every escape valid, every
 * name and value valid text in the charset, no more parameters than allowed. Tomcat reads them
 * leniently (a bad escape drops the parameter without a word, bad bytes become U+FFFD).
 */
public final class StrictParameters {

    private StrictParameters() {
    }

    /**
     * The names in a query string that {@link WellFormedRequests} has already let through (so it is valid
     * UTF-8 percent-encoding); the API uses them to refuse a parameter an operation does not take.
     */
    public static java.util.Set<String> names(String queryString) {
        if (queryString == null || queryString.isEmpty()) return java.util.Set.of();
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        try {
            parse(queryString.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8,
                    "query", Integer.MAX_VALUE, parameters);
        } catch (MalformedRequest e) {
            throw new IllegalStateException("a query string WellFormedRequests refuses reached the API", e);
        }
        return new java.util.TreeSet<>(parameters.keySet());
    }

    /** Parses {@code name=value&...} exactly: every escape valid, every name and value valid text in the charset. */
    static void parse(byte[] raw, Charset charset, String where, int maxParameters, Map<String, List<String>> into)
            throws MalformedRequest {
        List<MalformedRequest.Problem> problems = new ArrayList<>();
        int count = 0;
        int start = 0;
        while (start <= raw.length) {
            int end = indexOf(raw, (byte) '&', start);
            if (end > start) {
                if (++count > maxParameters) {
                    throw new MalformedRequest(HttpStatus.BAD_REQUEST, List.of(new MalformedRequest.Problem(where,
                            "has more than " + maxParameters + " parameters (server.tomcat.max-parameter-count)")));
                }
                int equals = indexOf(raw, (byte) '=', start);
                int nameEnd = Math.min(equals, end);
                String name = decode(raw, start, nameEnd, charset);
                String value = nameEnd < end ? decode(raw, nameEnd + 1, end, charset) : "";
                if (name == null) {
                    problems.add(new MalformedRequest.Problem(where, "has a parameter name that is not valid percent-encoded " + charset.name()));
                } else if (value == null) {
                    problems.add(new MalformedRequest.Problem(name, "is not valid percent-encoded " + charset.name()));
                } else {
                    into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
            start = end + 1;
        }
        if (!problems.isEmpty()) throw new MalformedRequest(HttpStatus.BAD_REQUEST, problems);
    }

    static int indexOf(byte[] raw, byte wanted, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == wanted) return i;
        }
        return raw.length;
    }

    /** The text of raw[from, to) with '+' as space and %XX escapes, or null if it is not valid. */
    static String decode(byte[] raw, int from, int to, Charset charset) {
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
    static String strictly(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
