package se.molnkoll.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one vendor (a provider of cloud services): the aggregate identifier of its history. */
public record VendorId(@JsonValue String value) {

    public VendorId {
        Objects.requireNonNull(value, "value");
        UUID.fromString(value);
    }

    @JsonCreator
    public static VendorId of(String value) {
        return new VendorId(value);
    }

    public static VendorId random() {
        return new VendorId(UUID.randomUUID().toString());
    }

    /** Axon uses toString() as the aggregate identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
