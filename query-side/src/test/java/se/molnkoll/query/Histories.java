package se.molnkoll.query;

import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.event.ClassificationSet;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.EvidenceReceived;
import se.molnkoll.kernel.event.ResidualRiskAccepted;

import java.time.LocalDate;
import java.util.List;

/** Domain-named events for read-model tests. */
public final class Histories {

    private Histories() {
    }

    public static CloudServiceRegistered registered(CloudServiceId id, String name) {
        return new CloudServiceRegistered(id, name, "Moln AB", ServiceModel.SAAS, "Regionstyrelsen", "Anna Andersson");
    }

    public static Classification publicInformation() {
        return new Classification(0, 0, 0, false, false, List.of("SE"), null, "Beslut 1");
    }

    public static Classification patientData() {
        return new Classification(3, 2, 2, true, true, List.of("SE", "EU/EEA"), "Ingen tredjelandsjurisdiktion", "Beslut 2");
    }

    public static ClassificationSet classified(CloudServiceId id, Classification classification) {
        return new ClassificationSet(id, classification);
    }

    public static EvidenceReceived evidence(CloudServiceId id, EvidenceId evidenceId, LocalDate validFrom,
                                            LocalDate validUntil, MeasurePhase... covers) {
        return new EvidenceReceived(id, evidenceId, List.of(covers), EvidenceKind.CERTIFICATE, "ISO/IEC 27001",
                "Certifieringsorgan AB", LocalDate.of(2026, 1, 10), validFrom, validUntil,
                "a".repeat(64), "Cert 123");
    }

    public static ResidualRiskAccepted riskAccepted(CloudServiceId id, int measure, Phase phase, LocalDate until) {
        return new ResidualRiskAccepted(id, new MeasureId(measure), phase, "Förvaltningschef", "Låg risk",
                LocalDate.of(2026, 1, 10), until);
    }

    public static MeasurePhase pair(int measure, Phase phase) {
        return MeasurePhase.of(measure, phase);
    }
}
