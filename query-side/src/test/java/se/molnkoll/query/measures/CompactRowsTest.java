package se.molnkoll.query.measures;

import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.compliance.Validity;
import se.molnkoll.query.persistence.RowWrites;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service's rows held compact between batches come back as the very rows they were, field for field. */
class CompactRowsTest {

    private static final String SERVICE = "service-1";
    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.123456789Z");

    @Test
    void applicable_and_counting_rows_come_back_field_for_field() {
        List<ApplicableMeasure> applicable = List.of(
                ApplicableMeasure.held(11, AT, SERVICE, 1, Phase.ACQUIRE),
                ApplicableMeasure.held(12, AT.plusNanos(1), SERVICE, 42, Phase.EXIT),
                ApplicableMeasure.held(Long.MAX_VALUE, Instant.EPOCH, SERVICE, 27, Phase.OPERATE));
        CoverageEntry lasting = stored(21, new CoverageEntry("e-1", SERVICE, MeasurePhase.of(6, Phase.OPERATE),
                new Validity(null, null), AT));
        CoverageEntry lapsing = stored(22, new CoverageEntry("e-2", SERVICE, MeasurePhase.of(38, Phase.OPERATE),
                new Validity(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 10)), AT.minusSeconds(86_400)));
        CoverageEntry renewed = stored(23, lapsing.renewedFromAt(AT, LocalDate.of(2026, 2, 11)));
        CoverageEntry renewedAlready = stored(24, renewed.renewedFromAt(AT.plusSeconds(1), CoverageEntry.RENEWED_ALREADY));
        CoverageEntry fromOnly = stored(25, new CoverageEntry("e-3", SERVICE, MeasurePhase.of(42, Phase.EXIT),
                new Validity(LocalDate.of(1999, 12, 31), null), AT));
        List<CoverageEntry> counting = List.of(lasting, renewedAlready, fromOnly);

        CompactRows compact = CompactRows.of(applicable, counting);

        assertThat(compact.size()).isEqualTo(6);
        assertThat(compact.applicable(SERVICE)).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(applicable);
        assertThat(compact.counting(SERVICE)).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(counting);
        assertThat(compact.counting(SERVICE).get(2).validity().from()).as("days are shared again")
                .isSameAs(Shared.day(LocalDate.of(1999, 12, 31)));
    }

    @Test
    void rows_not_yet_inserted_are_not_held_compact_as_they_have_no_row_id_to_be_found_again_by() {
        ServiceMeasures service = ServiceMeasures.empty(SERVICE);
        service.applies(List.of(MeasurePhase.of(6, Phase.OPERATE)), AT, new RowWrites());
        assertThatThrownBy(service::compact).isInstanceOf(IllegalStateException.class).hasMessageContaining("row 0");
    }

    @Test
    void a_closed_version_is_never_held_compact() {
        ApplicableMeasure closed = ApplicableMeasure.held(11, AT, SERVICE, 1, Phase.ACQUIRE);
        closed.close(AT.plusSeconds(1));
        assertThatThrownBy(() -> CompactRows.of(List.of(closed), List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 11");
    }

    /** The row as stored: with its row id. */
    private static CoverageEntry stored(long rowId, CoverageEntry row) {
        return CoverageEntry.held(rowId, row.recordedFrom(), row.evidenceId(), SERVICE, row.measureId(), row.phase(),
                row.validity().from(), row.validUntil(), row.counts(), row.renewedFrom());
    }
}
