package se.molnkoll.kernel.event;

/** The meta-data every event carries besides its payload and recorded time. */
public final class EventMetaData {

    /** The authenticated user whose command caused the event ("system" when no user did). */
    public static final String ACTOR = "actor";
    /** Ties together everything one request caused. */
    public static final String CORRELATION_ID = "correlationId";
    /** The SHA-256 of the spreadsheet an import read the event's row from (absent when no import caused it). */
    public static final String IMPORT_SHA256 = "importSha256";
    /** The row of that spreadsheet. */
    public static final String IMPORT_ROW = "importRow";

    private EventMetaData() {
    }
}
