package se.molnkoll.query.measures;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.compliance.Validity;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/**
 * One (measure, phase) that a piece of evidence covers, with the days it counts. {@code counts}
 * turns false in a later version when the evidence is withdrawn or the measure re-opened;
 * {@code renewedFrom} moves in a later version when other evidence takes over from it.
 */
@Entity
@Table(name = "evidence_coverage")
public class CoverageEntry extends VersionedRow {

    private String evidenceId;
    private String serviceId;
    private int measureId;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    /** The first day it counts: the evidence's valid-from date, or the day it was received. */
    private LocalDate validFrom;
    private LocalDate validUntil;
    /** The first day it no longer counts (valid until + 1); null when it does not lapse. */
    private LocalDate expiresOn;
    private boolean counts;
    /**
     * The first day from which other evidence has taken over this (measure, phase) from this one (see
     * {@link #renewedFrom(CoverageEntry, Collection)}): {@link #RENEWED_ALREADY} when it took over without a
     * gap, {@link #NOT_RENEWED} while nothing has. Kept so that lapsed evidence still at stake is an
     * indexed range ({@code renewedFrom > day}), not a search through every certificate that ever lapsed.
     */
    private LocalDate renewedFrom;

    /** {@link #renewedFrom}: renewed whatever the day. */
    public static final LocalDate RENEWED_ALREADY = LocalDate.of(1900, 1, 1);
    /** {@link #renewedFrom}: not renewed. */
    public static final LocalDate NOT_RENEWED = LocalDate.of(9999, 12, 31);

    protected CoverageEntry() {
    }

    CoverageEntry(String evidenceId, String serviceId, MeasurePhase pair, Validity validity, Instant from) {
        super(from);
        this.evidenceId = evidenceId;
        this.serviceId = serviceId;
        this.measureId = pair.measureId().value();
        this.phase = pair.phase();
        this.validFrom = validity.from();
        this.validUntil = validity.until();
        this.expiresOn = validity.until() == null ? null : validity.until().plusDays(1);
        this.counts = true;
        this.renewedFrom = NOT_RENEWED;
        share();
    }

    /** The projection holds many of these in memory: their repeated values as one instance each. */
    @PostLoad
    private void share() {
        evidenceId = Shared.id(evidenceId);
        serviceId = Shared.id(serviceId);
        validFrom = Shared.day(validFrom);
        validUntil = Shared.day(validUntil);
        expiresOn = Shared.day(expiresOn);
        renewedFrom = Shared.day(renewedFrom);
    }

    private CoverageEntry(long rowId, Instant from, String evidenceId, String serviceId, int measureId, Phase phase,
                          LocalDate validFrom, LocalDate validUntil, boolean counts, LocalDate renewedFrom) {
        super(rowId, from);
        this.evidenceId = evidenceId;
        this.serviceId = serviceId;
        this.measureId = measureId;
        this.phase = phase;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.expiresOn = validUntil == null ? null : Shared.day(validUntil.plusDays(1));
        this.counts = counts;
        this.renewedFrom = renewedFrom;
    }

    /** The stored current version, as {@link CompactRows} held it (its days shared already). */
    static CoverageEntry held(long rowId, Instant from, String evidenceId, String serviceId, int measureId, Phase phase,
                              LocalDate validFrom, LocalDate validUntil, boolean counts, LocalDate renewedFrom) {
        return new CoverageEntry(rowId, from, evidenceId, serviceId, measureId, phase, validFrom, validUntil, counts,
                renewedFrom);
    }

    private CoverageEntry(CoverageEntry previous, Instant at) {
        super(previous, at);
        evidenceId = previous.evidenceId;
        serviceId = previous.serviceId;
        measureId = previous.measureId;
        phase = previous.phase;
        validFrom = previous.validFrom;
        validUntil = previous.validUntil;
        expiresOn = previous.expiresOn;
        counts = previous.counts;
        renewedFrom = previous.renewedFrom;
    }

    /** The next version from {@code at}, in which it no longer counts; this one is closed. */
    CoverageEntry setAsideAt(Instant at) {
        CoverageEntry next = new CoverageEntry(this, at);
        next.counts = false;
        return next;
    }

    /** The next version from {@code at}, with another {@link #renewedFrom}; this one is closed. */
    CoverageEntry renewedFromAt(Instant at, LocalDate day) {
        CoverageEntry next = new CoverageEntry(this, at);
        next.renewedFrom = Shared.day(day);
        return next;
    }

    /**
     * The renewal rule, for counting evidence {@code c} among the counting evidence of its (measure,
     * phase): other evidence renews it when it lasts longer and starts no later than c lapses (then it
     * is renewed whatever the day), or starts after a gap (then from the day it starts). Evidence that
     * does not lapse is never at stake, so never needs renewing. Once renewed, c stays renewed even if
     * the renewal lapses in turn: then the renewal is the one at stake, so that a lapsed chain of
     * certificates is listed once, by its latest link, and not by every certificate it ever held.
     */
    static LocalDate renewedFrom(CoverageEntry c, Collection<CoverageEntry> pair) {
        if (c.expiresOn == null) {
            return NOT_RENEWED;
        }
        LocalDate earliest = NOT_RENEWED;
        for (CoverageEntry o : pair) {
            if (o == c || o.evidenceId.equals(c.evidenceId) || (o.expiresOn != null && !o.expiresOn.isAfter(c.expiresOn))) {
                continue;
            }
            LocalDate from = o.validFrom == null || !o.validFrom.isAfter(c.expiresOn) ? RENEWED_ALREADY : o.validFrom;
            if (from.isBefore(earliest)) {
                earliest = from;
            }
        }
        return earliest;
    }

    public String evidenceId() { return evidenceId; }
    public LocalDate renewedFrom() { return renewedFrom; }
    public MeasurePhase pair() { return MeasurePhase.of(measureId, phase); }
    public Validity validity() { return new Validity(validFrom, validUntil); }
    LocalDate validUntil() { return validUntil; }
    int measureId() { return measureId; }
    Phase phase() { return phase; }
    public boolean counts() { return counts; }
}
