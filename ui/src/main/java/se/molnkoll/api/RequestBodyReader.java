package se.molnkoll.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.StorableValues;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *         would stall every read model that has to write it;</li>
 *     <li>then the record's constraints (Jakarta Validation) are checked, including those that ask
 *         the catalogue or the clock.</li>
 * </ol>
 * Every problem found is answered at once as 400 problem+json.
 */
@Component
class RequestBodyReader extends AbstractHttpMessageConverter<Record> {

    private final ObjectMapper json;
    private final ObjectReader strictTree;
    private final Validator validator;

    /** Every JSON media type, so that no body reaches Spring's lenient JSON reader instead. */
    RequestBodyReader(ObjectMapper json, Validator validator) {
        super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
        this.json = json;
        this.strictTree = json.reader()
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
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
        JsonNode body;
        try {
            body = strictTree.readTree(new InputStreamReader(input.getBody(), charset));
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
        Map<String, String> problems = new LinkedHashMap<>();
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
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.put(name, "is not a field of this request; its fields are "
                        + Arrays.stream(components).map(RecordComponent::getName).toList());
            }
        }
        Record request = construct(type, components, values);
        Set<String> unreadable = Set.copyOf(problems.keySet());
        for (ConstraintViolation<Record> violation : validator.validate(request)) {
            String field = path(violation.getPropertyPath());
            // a field that could not be read is null now; "must not be null" would only confuse
            if (unreadable.stream().noneMatch(p -> p.equals(field) || p.startsWith(field + "["))) {
                problems.putIfAbsent(field, violation.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.entrySet().stream()
                    .map(p -> new InvalidInputException.FieldProblem(p.getKey(), p.getValue()))
                    .sorted(Comparator.comparing(InvalidInputException.FieldProblem::field))
                    .toList());
        }
        return request;
    }

    /**
     * The value as the type, or null where it does not have the type's JSON shape (noting why). Lists
     * are read element by element, so one bad element does not hide the others' problems.
     */
    private Object read(JavaType type, JsonNode value, String path, Map<String, String> problems) {
        Class<?> raw = type.getRawClass();
        if (List.class.isAssignableFrom(raw)) {
            if (!value.isArray()) {
                problems.put(path, "must be a list");
                return null;
            }
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                elements.add(element.isNull() ? null : read(type.getContentType(), element, path + "[" + i + "]", problems));
            }
            return elements;
        }
        boolean textual = raw == String.class || raw == LocalDate.class || raw.isEnum();
        boolean fits = textual ? value.isTextual()
                : raw == Integer.class ? value.isIntegralNumber() && value.canConvertToInt()
                : raw == Boolean.class ? value.isBoolean()
                : !value.isContainerNode();
        if (!fits) {
            problems.put(path, expected(type));
            return null;
        }
        if (value.isTextual()) {
            String unstorable = StorableValues.textProblem(value.asText());
            if (unstorable != null) {
                problems.put(path, unstorable);
                return null;
            }
        }
        // Enum names and dates are read here, exactly: Jackson would also take an enum's position
        // ("0") and the date part of a date-time ("2026-11-26T23:30:00Z", which is the 27th in Sweden).
        if (raw.isEnum()) {
            Object constant = Arrays.stream(raw.getEnumConstants())
                    .filter(c -> ((Enum<?>) c).name().equals(value.asText())).findFirst().orElse(null);
            if (constant == null) problems.put(path, expected(type));
            return constant;
        }
        if (raw == LocalDate.class) {
            try {
                return LocalDate.parse(value.asText(), DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                problems.put(path, expected(type));
                return null;
            }
        }
        try {
            return json.treeToValue(value, type);
        } catch (JsonProcessingException e) {
            problems.put(path, expected(type));
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

    private static Record construct(Class<? extends Record> type, RecordComponent[] components, Object[] values) {
        try {
            Constructor<? extends Record> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }

    /** "phases[1]", "validUntil": the field as the client wrote it. */
    private static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!path.isEmpty()) path.append('.');
                path.append(name);
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
