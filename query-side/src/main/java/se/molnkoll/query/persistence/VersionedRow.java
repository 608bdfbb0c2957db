package se.molnkoll.query.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

import java.time.Instant;

/**
 * One version of a read-model row: what Molnkoll knew from {@code recordedFrom} (inclusive) until
 * {@code recordedTo} (exclusive; null while it is still so). A change closes the current version and
 * starts the next, so any past moment of recorded time can be read with one predicate
 * ({@link #AT}) instead of replaying events.
 */
@MappedSuperclass
public abstract class VersionedRow {

    /** The recorded-time moment that stands for "now": later than anything is ever recorded. */
    public static final Instant NOW = Instant.parse("9999-12-31T00:00:00Z");

    /** JPQL: the version of the row aliased {@code x} that held at {@code :at}. */
    public static final String AT = "x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "read_model_row")
    @SequenceGenerator(name = "read_model_row", sequenceName = "read_model_row_seq", allocationSize = 50)
    // a primitive, 0 until inserted: the measures projection holds millions of these rows in memory, and a
    // boxed Long took 20 bytes more for each (heap histogram at full benchmark size: 1.8 million Longs)
    private long rowId;
    private Instant recordedFrom;
    private Instant recordedTo;

    protected VersionedRow() {
    }

    protected VersionedRow(Instant recordedFrom) {
        this.recordedFrom = recordedFrom;
    }

    /** The stored current version {@code rowId}, as a projection held it in memory (closed by its row id). */
    protected VersionedRow(long rowId, Instant recordedFrom) {
        this.rowId = rowId;
        this.recordedFrom = recordedFrom;
    }

    /**
     * A copy of another version, as the start of the next one from {@code at}; the other is closed
     * at {@code at}. Never earlier than the other began: event timestamps come from the clocks of
     * the instances that recorded them, which can step back (NTP) or disagree, and overlapping
     * versions would make one row two rows at some moments.
     */
    protected VersionedRow(VersionedRow previous, Instant at) {
        Instant from = notBefore(at, previous.recordedFrom);
        previous.recordedTo = from;
        this.recordedFrom = from;
    }

    /** This version ends at {@code at} (the row is gone from then on), or when it began if that is later. */
    public void close(Instant at) {
        recordedTo = notBefore(at, recordedFrom);
    }

    private static Instant notBefore(Instant at, Instant earliest) {
        return at.isBefore(earliest) ? earliest : at;
    }

    /** Whether this version is in the database already (it has its row id), not only about to be inserted. */
    public boolean isStored() {
        return rowId != 0;
    }

    /** Its row id, 0 until inserted. */
    public long rowId() {
        return rowId;
    }

    public Instant recordedFrom() {
        return recordedFrom;
    }

    public Instant recordedTo() {
        return recordedTo;
    }
}
