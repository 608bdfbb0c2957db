package se.molnkoll.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;
import se.molnkoll.requests.LimitsProperties;
import se.molnkoll.kernel.StorableValues;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the API's request bodies (the records in {@link Requests}) so that one answer names every
 * bad field. A JSON reader stops at the first problem; this one looks at each field on its own:
 * <ol>
 *     <li>fields the request does not have are named (a misspelt "validUntill" must not be ignored);</li>
 *     <li>each field must have the JSON shape of its type: text for text, dates and enum names, whole
 *         numbers, true/false, lists; no quiet coercion of "1" into 1 or 0 into false; enum names and
 *         dates (YYYY-MM-DD) exactly; no duplicate fields, nothing after the object;</li>
 *     <li>text must be storable ({@link StorableValues}): an event holding text PostgreSQL refuses
 *         would stall every read model that has to write it. Bytes that are not valid in the body's
 *         charset (UTF-8 unless declared) make the field that holds them "not valid Unicode text";</li>
 *     <li>then the record's constraints (Jakarta Validation) are checked, including those that ask
 *         the catalogue or the clock.</li>
 * </ol>
 * Every problem found is answered at once as 400 problem+json, at most {@value #MAX_LISTED} of them
 * listed and the rest counted.
 * <p>
 * Bounded: a body longer than {@code molnkoll.limits.body-size} is refused (413) before any of it is
 * parsed (a filter answers it from Content-Length; this reader stops a body sent without one at the
 * limit), and every step is linear in the body: each JSON value and each constraint violation is
 * examined once, in constant time. The count of them is the metric {@value #EXAMINED_METRIC}.
 */
@Component
class RequestBodyReader extends AbstractHttpMessageConverter<Record> {

    /** Problems listed in one answer; a legitimate request has at most about 60 (every measure id wrong). */
    static final int MAX_LISTED = 100;
    static final String EXAMINED_METRIC = "molnkoll.api.body.examined";

    private final ObjectMapper json;
    private final ObjectReader strictTree;
    private final Validator validator;
    private final long maxBytes;
    private final Counter examined;

    /** Every JSON media type, so that no body reaches Spring's lenient JSON reader instead. */
    RequestBodyReader(ObjectMapper json, Validator validator, LimitsProperties limits, MeterRegistry meters) {
        super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
        this.json = json;
        this.strictTree = json.reader()
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
        this.maxBytes = limits.bodySize().toBytes();
        this.examined = Counter.builder(EXAMINED_METRIC)
                .description("JSON values and constraint violations the API's body reader examined").register(meters);
    }

    @Override
    protected boolean supports(@NonNull Class<?> type) {
        return type.isRecord() && type.getEnclosingClass() == Requests.class;
    }

    @Override
    protected boolean canWrite(MediaType mediaType) {
        return false;
    }

    @Override
    protected void writeInternal(@NonNull Record record, @NonNull HttpOutputMessage output) {
        throw new HttpMessageNotWritableException("Requests are only read");
    }

    @Override
    @NonNull
    protected Record readInternal(@NonNull Class<? extends Record> type, @NonNull HttpInputMessage input) throws IOException {
        MediaType contentType = input.getHeaders().getContentType();
        Charset charset = contentType != null && contentType.getCharset() != null ? contentType.getCharset()
                : StandardCharsets.UTF_8;
        byte[] bytes = input.getBody().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new BodyTooLargeException(maxBytes); // sent without a length that the filter could judge
        }
        JsonNode body;
        try {
            body = strictTree.readTree(BodyText.decode(bytes, charset));
        } catch (JsonProcessingException e) {
            // the parser's own words ("Duplicate field 'name'", "Unexpected character ..."), without the source excerpt
            throw InvalidInputException.of("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw InvalidInputException.of("body", "a JSON object is required");
        }
        if (!body.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        BodyProblems problems = new BodyProblems();
        try {
            Record request = read(type, body, problems);
            problems.throwIfAny();
            return request;
        } finally {
            examined.increment(problems.examinedSoFar());
        }
    }

    private Record read(Class<? extends Record> type, JsonNode body, BodyProblems problems) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = new HashSet<>();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            known.add(component.getName());
            JsonNode value = body.get(component.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            values[i] = read(json.getTypeFactory().constructType(component.getGenericType()), value,
                    component.getName(), problems);
        }
        List<String> fields = Arrays.stream(components).map(RecordComponent::getName).toList();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            problems.examined();
            if (!known.contains(name)) {
                problems.unreadable(BodyText.echoed(name), "is not a field of this request; its fields are " + fields);
            }
        }
        Record request = RequestRecords.construct(type, components, values);
        for (ConstraintViolation<Record> violation : validator.validate(request)) {
            problems.examined();
            problems.violated(RequestRecords.path(violation.getPropertyPath()), violation.getMessage());
        }
        return request;
    }



    /**
     * The value as the type, or null where it does not have the type's JSON shape (noting why). Lists
     * are read element by element, so one bad element does not hide the others' problems.
     */
    private Object read(JavaType type, JsonNode value, String path, BodyProblems problems) {
        problems.examined();
        if (List.class.isAssignableFrom(type.getRawClass())) {
            return readList(type, value, path, problems);
        }
        if (!fits(type.getRawClass(), value)) {
            problems.unreadable(path, expected(type));
            return null;
        }
        if (value.isTextual()) {
            String unstorable = StorableValues.textProblem(value.asText());
            if (unstorable != null) {
                problems.unreadable(path, unstorable);
                return null;
            }
        }
        return readExactly(type, value, path, problems);
    }

    private List<Object> readList(JavaType type, JsonNode value, String path, BodyProblems problems) {
        if (!value.isArray()) {
            problems.unreadable(path, "must be a list");
            return null;
        }
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            elements.add(element.isNull() ? null : read(type.getContentType(), element, path + "[" + i + "]", problems));
        }
        return elements;
    }

    /** Whether the JSON value has the shape of the type: text for text, dates and enums, whole numbers, true/false. */
    private static boolean fits(Class<?> raw, JsonNode value) {
        boolean textual = raw == String.class || raw == LocalDate.class || raw.isEnum();
        return textual ? value.isTextual()
                : raw == Integer.class ? value.isIntegralNumber() && value.canConvertToInt()
                : raw == Boolean.class ? value.isBoolean()
                : !value.isContainerNode();
    }

    /**
     * Enum names and dates are read here, exactly: Jackson would also take an enum's position ("0") and
     * the date part of a date-time ("2026-11-26T23:30:00Z", which is the 27th in Sweden).
     */
    private Object readExactly(JavaType type, JsonNode value, String path, BodyProblems problems) {
        Class<?> raw = type.getRawClass();
        if (raw.isEnum()) {
            Object constant = Arrays.stream(raw.getEnumConstants())
                    .filter(c -> ((Enum<?>) c).name().equals(value.asText())).findFirst().orElse(null);
            if (constant == null) problems.unreadable(path, expected(type));
            return constant;
        }
        try {
            return raw == LocalDate.class ? LocalDate.parse(value.asText(), DateTimeFormatter.ISO_LOCAL_DATE)
                    : json.treeToValue(value, type);
        } catch (DateTimeParseException | JsonProcessingException e) {
            problems.unreadable(path, expected(type));
            return null;
        }
    }

    private static String expected(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw.isEnum()) return "must be one of " + Arrays.toString(raw.getEnumConstants());
        if (raw == LocalDate.class) return "must be a date as YYYY-MM-DD";
        if (raw == Integer.class) return "must be a whole number";
        if (raw == Boolean.class) return "must be true or false";
        if (raw == String.class) return "must be text";
        return "has the wrong form";
    }
}
