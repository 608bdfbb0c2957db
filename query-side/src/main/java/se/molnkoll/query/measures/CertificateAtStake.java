package se.molnkoll.query.measures;

import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A dated piece of evidence with something at stake: it counts towards a (measure, phase) that applies
 * to its service, until {@code atStakeUntil} (exclusive), the first day from which other evidence has
 * taken over every such pair from it ({@link CoverageEntry#NOT_RENEWED} while not all are). A
 * certificate is expired or expiring on a day when it is still at stake then and its
 * {@code validUntil} has passed or is near. Kept by the projection beside the coverage it follows from,
 * versioned in recorded time like every row, so that the certificates of a whole portfolio are counted
 * on one table, on any day, as known at any moment. A decommissioned service has none.
 */
@Entity
@Table(name = "certificate_at_stake")
public class CertificateAtStake extends VersionedRow {

    private String serviceId;
    private String evidenceId;
    private LocalDate validUntil;
    private LocalDate atStakeUntil;

    protected CertificateAtStake() {
    }

    CertificateAtStake(String serviceId, Stake stake, Instant from) {
        super(from);
        this.serviceId = serviceId;
        this.evidenceId = stake.evidenceId();
        this.validUntil = stake.validUntil();
        this.atStakeUntil = stake.atStakeUntil();
        share();
    }

    @PostLoad
    private void share() {
        serviceId = Shared.id(serviceId);
        evidenceId = Shared.id(evidenceId);
        validUntil = Shared.day(validUntil);
        atStakeUntil = Shared.day(atStakeUntil);
    }

    Stake stake() {
        return new Stake(evidenceId, validUntil, atStakeUntil);
    }

    /** What a row says, to compare the rows a service has with those it should have. */
    record Stake(String evidenceId, LocalDate validUntil, LocalDate atStakeUntil) {
    }

    /**
     * The certificates at stake of one service, from what counts towards its measures: each piece of
     * dated evidence that counts towards an applicable pair, at stake until the latest day any of those
     * pairs is renewed from ({@link CoverageEntry#renewedFrom}). Evidence that is renewed already
     * ({@link CoverageEntry#RENEWED_ALREADY}) for every pair is never at stake and has no row.
     *
     * @param applicable the (measure, phase) pairs that apply to the service
     * @param counting   its coverage rows that count
     */
    static List<Stake> of(Set<MeasurePhase> applicable, Collection<CoverageEntry> counting) {
        Map<String, Stake> stakes = new TreeMap<>();
        for (CoverageEntry row : counting) {
            if (row.validUntil() == null || !applicable.contains(row.pair())) {
                continue;
            }
            stakes.merge(row.evidenceId(), new Stake(row.evidenceId(), row.validUntil(), row.renewedFrom()),
                    (a, b) -> a.atStakeUntil().isAfter(b.atStakeUntil()) ? a : b);
        }
        return stakes.values().stream()
                .filter(stake -> stake.atStakeUntil().isAfter(CoverageEntry.RENEWED_ALREADY))
                .toList();
    }
}
