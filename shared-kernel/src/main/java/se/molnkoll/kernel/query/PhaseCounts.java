package se.molnkoll.kernel.query;

import se.molnkoll.kernel.Phase;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A count per phase with every phase present (0 when there is nothing). */
public final class PhaseCounts {

    private PhaseCounts() {
    }

    public static Map<Phase, Long> of(Map<Phase, Long> counts) {
        EnumMap<Phase, Long> all = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            all.put(phase, counts.getOrDefault(phase, 0L));
        }
        return Collections.unmodifiableMap(all);
    }

    public static Map<Phase, Long> zero() {
        return of(Map.of());
    }
}
