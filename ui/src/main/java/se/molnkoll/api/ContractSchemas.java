package se.molnkoll.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import se.molnkoll.input.BusinessDate;
import se.molnkoll.input.Location;
import se.molnkoll.input.RoutineMeasure;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The schemas of the OpenAPI document as the server behaves, from the Java types themselves:
 * <ul>
 *     <li>an answer always has every field (Jackson writes nulls), so each is required, and nullable
 *     only where the record component is {@code @Nullable};</li>
 *     <li>a request body refuses fields it does not have, blank or unstorable text, measures that are not
 *     the routine's, locations that are not ISO country codes and dates outside 1900–2999, so its schema
 *     does too; a field that is not required may be null;</li>
 *     <li>ids are UUIDs, measure ids 1–42, counts per phase a named object with every phase.</li>
 * </ul>
 */
@Component
class ContractSchemas implements ModelConverter {

    /** Text the read models can store: no control characters but tab, line feed and carriage return. */
    static final String STORABLE_TEXT = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$";
    /** Storable text with at least one character that is not blank (Bean Validation trims up to U+0020). */
    static final String NOT_BLANK_TEXT = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*"
            + "[^\\u0000-\\u0020\\u007F][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$";
    /** A business date: 1900-01-01 to 2999-12-31 (the format says it is a real date). */
    static final String BUSINESS_DATE = "^" + QueryParameters.DAY + "$";
    static final String PHASE_COUNTS = "PhaseCounts";

    /** Marks a reference that may be null until {@link ContractOperations} has made its object nullable. */
    static final String NULLABLE_REFERENCE = "x-molnkoll-nullable-reference";

    @Override
    public Schema<?> resolve(io.swagger.v3.core.converter.AnnotatedType type, ModelConverterContext context,
                             Iterator<ModelConverter> chain) {
        JavaType java = Json.mapper().constructType(type.getType());
        Class<?> raw = java.getRawClass();
        if (raw == CloudServiceId.class || raw == EvidenceId.class) {
            return new StringSchema().format("uuid");
        }
        if (raw == MeasureId.class) {
            return measureId();
        }
        if (Map.class.isAssignableFrom(raw) && java.getKeyType() != null && java.getKeyType().getRawClass() == Phase.class) {
            return new Schema<>().$ref("#/components/schemas/" + PHASE_COUNTS);
        }
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema != null && raw.isRecord()) {
            Schema<?> model = schema.get$ref() == null ? schema
                    : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            if (model != null && model.getProperties() != null) {
                if (raw.getEnclosingClass() == Requests.class) {
                    request(raw, model);
                } else {
                    answer(raw, model);
                }
            }
        }
        return schema;
    }

    /** Every component is there; nullable only where it says so. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void answer(Class<?> record, Schema model) {
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            Schema property = (Schema) model.getProperties().get(name);
            if (property == null) continue; // not written (@JsonIgnore)
            required.add(name);
            if (has(component, JsonRawValue.class)) {
                property = new ObjectSchema().description("The event as recorded, as JSON");
            } else if (component.getType() == Object.class) {
                property = new Schema<>().description("A text, number, boolean or list, as the field holds it");
            }
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                property = nullable(property);
            }
            model.getProperties().put(name, property);
        }
        model.setRequired(new ArrayList<>(new TreeSet<>(required)));
    }

    /** As strict as {@link RequestBodyReader}: unknown fields, blank or unstorable text, and bad values are refused. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void request(Class<?> record, Schema model) {
        model.setAdditionalProperties(false);
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            Schema property = (Schema) model.getProperties().get(name);
            boolean mandatory = has(component, NotNull.class) || has(component, NotBlank.class) || has(component, NotEmpty.class);
            if (mandatory) required.add(name);
            if (component.getType() == String.class) {
                if (property.getPattern() != null) {
                    // Bean Validation matches the whole value; a JSON Schema pattern matches anywhere
                    property.setPattern("^(" + property.getPattern() + ")$");
                } else {
                    property.setPattern(has(component, NotBlank.class) ? NOT_BLANK_TEXT : STORABLE_TEXT);
                }
                if (has(component, NotBlank.class)) property.setMinLength(1);
            }
            if (has(component, RoutineMeasure.class)) {
                property.minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(42));
            }
            if (has(component, BusinessDate.class)) {
                property.setPattern(BUSINESS_DATE);
            }
            if (has(component, se.molnkoll.input.Country.class)) {
                property.setPattern(null);
                property.setEnum(countries());
            }
            if (property.getItems() != null) {
                elements(component, property.getItems());
                if (has(component, NotEmpty.class)) property.setMinItems(1);
            }
            if (!mandatory) {
                property.setNullable(true);
            }
        }
        model.setRequired(required.isEmpty() ? null : new ArrayList<>(new TreeSet<>(required)));
    }

    /** A constraint on a record component lands on its type, field or accessor, depending on its targets. */
    private static boolean has(RecordComponent component, Class<? extends java.lang.annotation.Annotation> annotation) {
        return component.isAnnotationPresent(annotation) || component.getAnnotatedType().isAnnotationPresent(annotation)
                || component.getAccessor().isAnnotationPresent(annotation);
    }

    /** The rules on a list's elements ({@code List<@RoutineMeasure Integer>}, {@code List<@Location String>}). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void elements(RecordComponent component, Schema items) {
        if (!(component.getAnnotatedType() instanceof AnnotatedParameterizedType list)) return;
        AnnotatedType element = list.getAnnotatedActualTypeArguments()[0];
        if (element.isAnnotationPresent(RoutineMeasure.class)) {
            items.minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(42));
        }
        if (element.isAnnotationPresent(Location.class)) {
            List<String> locations = countries();
            locations.add(Classification.EU_EEA);
            items.setEnum(locations);
        }
        if (element.isAnnotationPresent(se.molnkoll.input.Country.class)) {
            items.setEnum(countries());
        }
    }

    /** The ISO 3166-1 alpha-2 codes, in order. */
    private static List<String> countries() {
        return new ArrayList<>(new TreeSet<>(List.of(Locale.getISOCountries())));
    }

    /** A measure of the routine's table: 1 to 42. */
    static Schema<?> measureId() {
        return new IntegerSchema().format("int32").minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(42));
    }

    /**
     * A nullable value. In OpenAPI 3.0 a $ref ignores what stands beside it, and validators differ on
     * {@code allOf: [$ref], nullable: true}; so a reference that may be null is only marked here, and
     * {@link ContractOperations} makes the object nullable where it is defined, once it has checked that
     * no other reference to it expects a value.
     */
    @SuppressWarnings("rawtypes")
    private static Schema nullable(Schema property) {
        if (property.get$ref() == null) {
            return property.nullable(true);
        }
        property.addExtension(NULLABLE_REFERENCE, true);
        return property;
    }
}
