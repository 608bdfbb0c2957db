package se.molnkoll.query.chain;

import se.molnkoll.query.persistence.StoredEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one link: SHA-256 over a version tag, the previous link's hash and every stored field
 * of the event, each field prefixed with its length (-1 for null) so that no two different events
 * can run together into the same bytes. The first link's previous hash is 32 zero bytes.
 *
 * <p>Anyone can recompute the chain from a copy of the event store with this description: the
 * fields in order are the global index and the sequence number as decimal text, then event
 * identifier, aggregate identifier, type, timestamp, payload type, payload revision (UTF-8), then
 * the payload and meta-data bytes.
 */
public final class ChainHash {

    /** The hash before the first link. */
    public static final String GENESIS = "0".repeat(64);
    private static final byte[] TAG = "molnkoll-event-chain-v1".getBytes(StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    static String next(String previousHash, StoredEvent event) {
        MessageDigest sha256 = sha256();
        field(sha256, TAG);
        field(sha256, HEX.parseHex(previousHash));
        field(sha256, text(Long.toString(event.globalIndex())));
        field(sha256, text(Long.toString(event.sequenceNumber())));
        field(sha256, text(event.eventIdentifier()));
        field(sha256, text(event.aggregateIdentifier()));
        field(sha256, text(event.type()));
        field(sha256, text(event.timeStamp()));
        field(sha256, text(event.payloadType()));
        field(sha256, text(event.payloadRevision()));
        field(sha256, event.payload());
        field(sha256, event.metaData());
        return HEX.formatHex(sha256.digest());
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) digest.update(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
