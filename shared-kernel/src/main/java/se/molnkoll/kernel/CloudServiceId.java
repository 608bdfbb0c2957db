package se.molnkoll.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one external cloud service: the aggregate identifier of its history. */
public record CloudServiceId(@JsonValue String value) {

    public CloudServiceId {
        Objects.requireNonNull(value, "value");
        UUID.fromString(value);
    }

    @JsonCreator
    public static CloudServiceId of(String value) {
        return new CloudServiceId(value);
    }

    public static CloudServiceId random() {
        return new CloudServiceId(UUID.randomUUID().toString());
    }

    /** Axon uses toString() as the aggregate identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
