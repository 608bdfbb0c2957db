package se.molnkoll.query.chain;

/**
 * One row of the event store exactly as stored: what the hash chain covers. Read with plain JDBC,
 * so that nothing (deserialisation, upcasting, a lenient mapper) stands between the chain and the bytes.
 */
record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String timeStamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData) {

    /** The columns, in the order {@link StoredEvents} reads them. */
    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,"
            + " e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";
}
