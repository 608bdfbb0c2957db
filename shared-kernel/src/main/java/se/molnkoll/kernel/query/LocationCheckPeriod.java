package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.compliance.LocationCheck;

import java.time.Instant;
import java.util.List;

/** A period of recorded time in which the location check found the same conflicts (none, or some); {@code to} null while it still does. */
public record LocationCheckPeriod(Instant from, @Nullable Instant to, List<LocationCheck.Conflict> conflicts) {
}
