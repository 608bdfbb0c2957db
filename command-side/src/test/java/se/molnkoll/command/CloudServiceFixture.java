package se.molnkoll.command;

import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.event.ClassificationSet;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.EvidenceReceived;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Domain-named test data for the CloudService aggregate. */
final class CloudServiceFixture {

    static final MeasureCatalogue CATALOGUE = MeasureCatalogue.loadDefault();
    static final CloudServiceId SERVICE = CloudServiceId.of("4f6c1a2e-7d0b-4f53-9a36-2f0f0f4b9c11");
    /** Noon in Stockholm on 15 March 2026: "today" in these tests. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T11:00:00Z"), ZoneOffset.UTC);

    private CloudServiceFixture() {
    }

    static CloudServiceRegistered registered() {
        return new CloudServiceRegistered(SERVICE, "Samarbetsyta", "Moln AB", ServiceModel.SAAS,
                "Regionstyrelsen", "Anna Andersson");
    }

    /** The lowest classification: only the measures every classification triggers. */
    static Classification publicInformation() {
        return new Classification(0, 0, 0, false, false, List.of("SE"), null, "Beslut 2026-01");
    }

    /** Personal data, and availability 2: adds 17, 18, 19, 23, 25, 31–37, 39 among others. */
    static Classification patientAdministration() {
        return new Classification(2, 2, 2, false, true, List.of("EU/EEA"),
                "Leverantören får inte stå under tredjelands jurisdiktion", "Beslut 2026-02");
    }

    static ClassificationSet classifiedAs(Classification classification) {
        return new ClassificationSet(SERVICE, classification);
    }

    static EvidenceReceived evidence(String evidenceId, LocalDate validUntil, MeasurePhase... covers) {
        return new EvidenceReceived(SERVICE, EvidenceId.of(evidenceId), List.of(covers), EvidenceKind.CERTIFICATE,
                "ISO/IEC 27001-certifikat", "Certifieringsorgan AB", TODAY.minusDays(30), null, validUntil,
                null, null);
    }

    /** One piece of evidence that covers every applicable measure of a phase, valid without end. */
    static EvidenceReceived coveringAll(String evidenceId, Classification classification, Phase phase) {
        return evidence(evidenceId, null, CATALOGUE.applicablePairs(classification, phase).toArray(MeasurePhase[]::new));
    }

    /** Every applicable measure of a phase but the given ones. */
    static EvidenceReceived coveringAllBut(String evidenceId, Classification classification, Phase phase,
                                           int... leftOpen) {
        Set<Integer> skip = Arrays.stream(leftOpen).boxed().collect(Collectors.toSet());
        return evidence(evidenceId, null, CATALOGUE.applicablePairs(classification, phase).stream()
                .filter(pair -> !skip.contains(pair.measureId().value()))
                .toArray(MeasurePhase[]::new));
    }

    static RecordEvidence recordEvidence(String evidenceId, Set<Integer> measures, Set<Phase> phases) {
        return new RecordEvidence(SERVICE, EvidenceId.of(evidenceId),
                measures.stream().map(MeasureId::new).collect(Collectors.toSet()), phases,
                EvidenceKind.CONTRACT_CLAUSE, "Personuppgiftsbiträdesavtal", "Moln AB", TODAY, null, null,
                null, "Avtal 2026/17");
    }

    static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    static MeasurePhase pair(int measure, Phase phase) {
        return MeasurePhase.of(measure, phase);
    }

    static ZoneId stockholm() {
        return ZoneId.of("Europe/Stockholm");
    }
}
