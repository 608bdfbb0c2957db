package se.molnkoll.kernel.query;

import java.util.List;

/**
 * The query side's read models by processing group. Each is derived from the event store alone, so
 * it can be rebuilt from it at any time, and a client's next read waits for it. The hash chain over
 * the event store is not one of them: it is evidence, never rebuilt.
 */
public final class ReadModels {

    public static final String REGISTER = "register";
    public static final String MEASURES = "measures";
    public static final String AUDIT_TRAIL = "audit";

    public static final List<String> PROCESSING_GROUPS = List.of(REGISTER, MEASURES, AUDIT_TRAIL);

    /** The processing group of the hash chain, which follows the event store like the read models. */
    public static final String CHAIN = "chain";

    private ReadModels() {
    }
}
