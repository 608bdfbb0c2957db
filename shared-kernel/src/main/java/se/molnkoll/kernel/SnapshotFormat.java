package se.molnkoll.kernel;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * How an aggregate's state is written into a snapshot, and read back (the event store's snapshot serializer):
 * its fields as they are. The command side decides when a snapshot is taken; the event store, which both sides
 * configure, stores it.
 */
public final class SnapshotFormat {

    private SnapshotFormat() {
    }

    /**
     * Reads and writes an aggregate's fields as they are. Maps and lists are filled into the collections the
     * aggregate's constructor made (so a {@code HashMap} stays one); a (measure, phase) map key is written
     * {@code 27/ACQUIRE}; an unknown field is an error, so the snapshot is passed over.
     */
    public static ObjectMapper mapper() {
        SimpleModule keys = new SimpleModule("measure-phase-keys");
        keys.addKeySerializer(MeasurePhase.class, new JsonSerializer<>() {
            @Override
            public void serialize(MeasurePhase pair, JsonGenerator json, SerializerProvider serializers) throws IOException {
                json.writeFieldName(pair.measureId().value() + "/" + pair.phase().name());
            }
        });
        keys.addKeyDeserializer(MeasurePhase.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, com.fasterxml.jackson.databind.DeserializationContext context) {
                int slash = key.indexOf('/');
                return MeasurePhase.of(Integer.parseInt(key.substring(0, slash)), Phase.valueOf(key.substring(slash + 1)));
            }
        });
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(keys)
                .visibility(PropertyAccessor.GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.SETTER, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withConfigOverride(Map.class, override -> override.setMergeable(true))
                .withConfigOverride(List.class, override -> override.setMergeable(true))
                .build();
    }
}
