package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;

import java.time.Instant;

/**
 * What changed for a service between two moments of recorded time: from what Molnkoll knew at
 * {@code from} to what it knew at {@code to}, each judged on its own date.
 * Answer: optional {@link ServiceChanges}, empty when the service had not been registered by {@code to}.
 */
public record FindServiceChanges(CloudServiceId cloudServiceId, Instant from, Instant to) {
    public FindServiceChanges {
        if (!to.isAfter(from)) throw new IllegalArgumentException("to must be after from");
    }
}
