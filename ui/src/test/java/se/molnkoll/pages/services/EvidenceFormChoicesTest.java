package se.molnkoll.pages.services;

import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.catalogue.Measure;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.MeasureStatusView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the evidence form offers: the routine's own grounds for each preselection, and the grouping by phase. */
class EvidenceFormChoicesTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.loadDefault();

    @Test
    void each_preselected_measure_asks_in_the_routines_own_words_for_that_kind_of_evidence() {
        EvidencePresets.GROUNDS.forEach((kind, grounds) -> grounds.forEach((number, words) -> {
            Measure measure = CATALOGUE.measure(MeasureId.of(number)).orElseThrow();
            assertThat(measure.text().replaceAll("\\s+", " ")).as(kind + " → measure " + number).contains(words);
        }));
        assertThat(EvidencePresets.GROUNDS).doesNotContainKey(EvidenceKind.OTHER);
    }

    @Test
    void a_preselection_offers_only_measures_on_offer_in_number_order() {
        assertThat(EvidencePresets.of(EvidenceKind.CERTIFICATE, List.of(38, 1, 27, 30, 5))).containsExactly(27, 30, 38);
        assertThat(EvidencePresets.of(EvidenceKind.CERTIFICATE, List.of(1, 30))).containsExactly(30);
        assertThat(EvidencePresets.of(EvidenceKind.OTHER, List.of(1, 27, 30))).isEmpty();
    }

    @Test
    void each_measure_is_offered_once_under_the_phase_whose_work_comes_next_current_phase_first() {
        // 7 belongs to acquisition and operation, 3 to acquisition only, 2 to operation only, 33 to all three
        List<MeasureStatusView> statuses = new ArrayList<>();
        statuses.add(status(3, Phase.ACQUIRE, MeasureStatus.COVERED));
        statuses.add(status(7, Phase.ACQUIRE, MeasureStatus.COVERED));
        statuses.add(status(7, Phase.OPERATE, MeasureStatus.OPEN));
        statuses.add(status(2, Phase.OPERATE, MeasureStatus.EXPIRED));
        statuses.add(status(33, Phase.ACQUIRE, MeasureStatus.COVERED));
        statuses.add(status(33, Phase.OPERATE, MeasureStatus.RISK_ACCEPTED));
        statuses.add(status(33, Phase.EXIT, MeasureStatus.OPEN));

        List<MeasureChoices.Group> acquiring = MeasureChoices.of(view(Phase.ACQUIRE, statuses), CATALOGUE);
        assertThat(acquiring).extracting(MeasureChoices.Group::phase).containsExactly(Phase.ACQUIRE, Phase.OPERATE);
        assertThat(ids(acquiring.get(0))).containsExactly(3, 7, 33);
        assertThat(acquiring.get(0).current()).isTrue();
        assertThat(ids(acquiring.get(1))).containsExactly(2);

        List<MeasureChoices.Group> operating = MeasureChoices.of(view(Phase.OPERATE, statuses), CATALOGUE);
        assertThat(operating).extracting(MeasureChoices.Group::phase).containsExactly(Phase.OPERATE, Phase.ACQUIRE);
        assertThat(ids(operating.get(0))).containsExactly(2, 7, 33);
        assertThat(ids(operating.get(1))).as("acquisition's own work, now past").containsExactly(3);
        MeasureChoices.Choice seven = operating.get(0).measures().get(1);
        assertThat(seven.statuses()).containsExactly(Map.entry(Phase.ACQUIRE, MeasureStatus.COVERED), Map.entry(Phase.OPERATE, MeasureStatus.OPEN));
        assertThat(seven.open()).isTrue();
        assertThat(operating.get(1).measures().get(0).open()).isFalse();
        assertThat(seven.searchText()).startsWith("7 ").isLowerCase();
    }

    private static List<Integer> ids(MeasureChoices.Group group) {
        return group.measures().stream().map(MeasureChoices.Choice::id).toList();
    }

    private static MeasureStatusView status(int measure, Phase phase, MeasureStatus status) {
        return new MeasureStatusView(MeasureId.of(measure), phase, status, List.of());
    }

    private static CloudServiceView view(Phase phase, List<MeasureStatusView> measures) {
        return new CloudServiceView(CloudServiceId.random(), "Tjänst", "Moln AB", ServiceModel.SAAS, "Enhet", "Ägare", phase,
                false, null, null, Instant.EPOCH, null, LocalDate.EPOCH, Map.of(), measures, List.of(), List.of(), List.of());
    }
}
