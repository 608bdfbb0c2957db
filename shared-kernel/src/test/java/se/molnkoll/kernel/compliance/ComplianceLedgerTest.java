package se.molnkoll.kernel.compliance;

import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.MeasureStatus;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.kernel.Phase.OPERATE;

/** What counts towards each pair of one service: in the order recorded, replaced in place, gone once withdrawn. */
class ComplianceLedgerTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static final MeasurePhase CONTRACT = MeasurePhase.of(27, ACQUIRE);
    static final MeasurePhase SUPERVISION = MeasurePhase.of(38, OPERATE);
    static final EvidenceId FIRST = EvidenceId.of("11111111-1111-4111-8111-111111111111");
    static final EvidenceId SECOND = EvidenceId.of("22222222-2222-4222-8222-222222222222");
    static final EvidenceId THIRD = EvidenceId.of("33333333-3333-4333-8333-333333333333");

    final ComplianceLedger ledger = new ComplianceLedger();

    @Test
    void evidence_counts_in_the_order_it_was_recorded_and_again_under_its_id_keeps_its_place() {
        ledger.addEvidence(FIRST, List.of(CONTRACT, SUPERVISION), Validity.until(DAY.minusDays(1)));
        ledger.addEvidence(SECOND, List.of(CONTRACT), Validity.until(DAY.minusDays(1)));
        ledger.addEvidence(THIRD, List.of(CONTRACT), Validity.until(DAY.minusDays(1)));
        assertThat(ledger.statusOn(CONTRACT, DAY)).isEqualTo(MeasureStatus.EXPIRED);

        ledger.addEvidence(SECOND, List.of(CONTRACT), Validity.ALWAYS); // recorded again, valid now

        assertThat(ledger.evidenceFor(CONTRACT)).containsExactly(FIRST, SECOND, THIRD);
        assertThat(ledger.statusOn(CONTRACT, DAY)).isEqualTo(MeasureStatus.COVERED);
        assertThat(ledger.evidenceFor(SUPERVISION)).containsExactly(FIRST);
        assertThat(ledger.pairsCountedBy(FIRST)).containsExactly(CONTRACT, SUPERVISION);
    }

    @Test
    void withdrawn_evidence_counts_nowhere_and_a_pair_left_without_any_is_open() {
        ledger.addEvidence(FIRST, List.of(CONTRACT, SUPERVISION), Validity.ALWAYS);
        ledger.addEvidence(SECOND, List.of(CONTRACT), Validity.ALWAYS);

        ledger.removeEvidence(FIRST);

        assertThat(ledger.evidenceFor(CONTRACT)).containsExactly(SECOND);
        assertThat(ledger.evidenceFor(SUPERVISION)).isEmpty();
        assertThat(ledger.pairsCountedBy(FIRST)).isEmpty();
        assertThat(ledger.statusOn(SUPERVISION, DAY)).isEqualTo(MeasureStatus.OPEN);
        assertThat(ledger.statusOn(CONTRACT, DAY)).isEqualTo(MeasureStatus.COVERED);
    }

    @Test
    void validities_share_one_instance_of_each_date() {
        Validity one = new Validity(LocalDate.of(2026, 1, 1), LocalDate.parse("2027-01-01"));
        Validity other = Validity.ofEvidence(null, LocalDate.parse("2026-01-01"), LocalDate.of(2027, 1, 1));
        assertThat(other).isEqualTo(one);
        assertThat(other.from()).isSameAs(one.from());
        assertThat(other.until()).isSameAs(one.until());
        assertThat(Validity.shared(null)).isNull();
    }
}
