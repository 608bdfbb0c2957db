package se.molnkoll.reports;

import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.CloudServiceSummary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The portfolio's figures, as the dashboard's chart and the portfolio report count them. */
class PortfolioFiguresTest {

    @Test
    void a_service_counts_only_in_the_phase_it_is_in_and_a_decommissioned_one_not_at_all() {
        CloudServiceSummary acquiring = service(Phase.ACQUIRE, false, 12, 28, 10);
        CloudServiceSummary operating = service(Phase.OPERATE, false, 0, 5, 10);
        CloudServiceSummary exiting = service(Phase.EXIT, false, 0, 0, 3);
        CloudServiceSummary decommissioned = service(Phase.EXIT, true, 0, 0, 2);
        assertThat(PortfolioFigures.openWhereTheServicesAre(List.of(acquiring, operating, exiting, decommissioned)))
                .isEqualTo(Map.of(Phase.ACQUIRE, 12L, Phase.OPERATE, 5L, Phase.EXIT, 3L));
        assertThat(PortfolioFigures.openWhereTheServicesAre(List.of()))
                .isEqualTo(Map.of(Phase.ACQUIRE, 0L, Phase.OPERATE, 0L, Phase.EXIT, 0L));
    }

    @Test
    void a_unit_s_figures_count_only_its_services_in_use_and_their_certificates() {
        CloudServiceSummary ours = service("Vård", Phase.OPERATE, true, false, 0, 4, 9);
        CloudServiceSummary oursUnclassified = service("Vård", Phase.ACQUIRE, false, false, 7, 0, 0);
        CloudServiceSummary oursGone = service("Vård", Phase.EXIT, true, true, 0, 0, 0);
        CloudServiceSummary theirs = service("Skola", Phase.OPERATE, false, false, 0, 2, 0);
        List<CertificateView> certificates = List.of(certificate(ours, CertificateStatus.EXPIRED),
                certificate(ours, CertificateStatus.EXPIRING), certificate(oursUnclassified, CertificateStatus.EXPIRING),
                certificate(theirs, CertificateStatus.EXPIRED));
        LocalDate day = LocalDate.of(2026, 11, 30);

        PortfolioFigures unit = PortfolioFigures.of(null, day, "Vård", List.of(ours, oursUnclassified, oursGone, theirs), certificates);
        assertThat(unit.services()).isEqualTo(2);
        assertThat(unit.servicesPerPhase()).isEqualTo(Map.of(Phase.ACQUIRE, 1L, Phase.OPERATE, 1L, Phase.EXIT, 0L));
        assertThat(unit.openMeasuresPerPhase()).isEqualTo(Map.of(Phase.ACQUIRE, 7L, Phase.OPERATE, 4L, Phase.EXIT, 0L));
        assertThat(unit.openMeasures()).isEqualTo(11);
        assertThat(unit.expiredCertificates()).isEqualTo(1);
        assertThat(unit.expiringCertificates()).isEqualTo(2);
        assertThat(unit.unclassifiedServices()).isEqualTo(1);

        PortfolioFigures all = PortfolioFigures.of(null, day, null, List.of(ours, oursUnclassified, oursGone, theirs), certificates);
        assertThat(all.services()).isEqualTo(3);
        assertThat(all.openMeasuresPerPhase()).isEqualTo(Map.of(Phase.ACQUIRE, 7L, Phase.OPERATE, 6L, Phase.EXIT, 0L));
        assertThat(all.expiredCertificates()).isEqualTo(2);
        assertThat(all.unclassifiedServices()).isEqualTo(2);
    }

    private static CloudServiceSummary service(Phase phase, boolean decommissioned, long acquire, long operate, long exit) {
        return service("Enhet", phase, true, decommissioned, acquire, operate, exit);
    }

    private static CloudServiceSummary service(String unit, Phase phase, boolean classified, boolean decommissioned,
                                               long acquire, long operate, long exit) {
        return new CloudServiceSummary(CloudServiceId.random(), "Tjänst", "Moln AB", unit, phase, classified, decommissioned,
                Map.of(Phase.ACQUIRE, acquire, Phase.OPERATE, operate, Phase.EXIT, exit));
    }

    private static CertificateView certificate(CloudServiceSummary service, CertificateStatus status) {
        return new CertificateView(service.id(), service.name(), service.organisationUnit(), EvidenceId.random(),
                EvidenceKind.CERTIFICATE, "ISO 27001", "Certifierare AB", List.of(MeasureId.of(27)), LocalDate.of(2026, 12, 1),
                status == CertificateStatus.EXPIRED ? -1 : 30, status);
    }
}
