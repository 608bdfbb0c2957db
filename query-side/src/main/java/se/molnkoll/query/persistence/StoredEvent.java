package se.molnkoll.query.persistence;

/**
 * One row of the event store exactly as stored: what the hash chain covers. Read with plain JDBC
 * ({@link AxonTables}), so that nothing (deserialisation, upcasting, a lenient mapper) stands between
 * the chain and the bytes.
 */
public record StoredEvent(
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
}
