package se.molnkoll.kernel.event;

/** The meta-data every event carries besides its payload and recorded time. */
public final class EventMetaData {

    /** The authenticated user whose command caused the event ("system" when no user did). */
    public static final String ACTOR = "actor";
    /** Ties together everything one request caused. */
    public static final String CORRELATION_ID = "correlationId";

    private EventMetaData() {
    }
}
