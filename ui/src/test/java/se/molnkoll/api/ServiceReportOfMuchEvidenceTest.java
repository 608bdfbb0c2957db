package se.molnkoll.api;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.support.Api;
import se.molnkoll.support.TestClock;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of a service with more evidence than its PDF lists: the latest 500 pieces recorded, and per measure the
 * latest 20, each list saying how many more there are (the evidence package holds them all). At the benchmark's full
 * size, the service with 10,000 events laid out whole took the application out of a 448 MB heap. A context of its own,
 * so that its service stays out of the other scenarios' portfolios.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "molnkoll.test.context=much-evidence")
@ActiveProfiles("test")
@Import(TestClock.class)
class ServiceReportOfMuchEvidenceTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    ReadModels readModels;

    @Test
    void the_pdf_lists_the_latest_500_pieces_of_evidence_and_20_per_measure_and_says_how_many_more_there_are() throws Exception {
        Api manager = Api.at(port).as("manager");
        String id = manager.post("/api/services", Map.of("name", "Journalen", "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
        assertThat(manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 2, "integrity", 2,
                "availability", 2, "secrecy", false, "personalData", true, "allowedLocations", List.of("SE"))).status())
                .isEqualTo(200);
        CloudServiceId service = CloudServiceId.of(id);
        Instant start = TestClock.CLOCK.instant();
        try {
            for (int n = 1; n <= 501; n++) {
                TestClock.CLOCK.set(start.plusSeconds(n)); // recorded one after the other
                commands.sendAndWait(new RecordEvidence(service, EvidenceId.random(), Set.of(MeasureId.of(27)),
                        Set.of(Phase.ACQUIRE), EvidenceKind.CERTIFICATE, "Intyg %03d".formatted(n), "Cert AB",
                        TestClock.TODAY, null, null, null, null));
            }
        } finally {
            TestClock.CLOCK.set(start);
        }
        assertThat(readModels.awaitVisible(service)).isTrue();

        String text = ReportScenarios.pdf(manager.getBytes("/api/services/" + id + "/report").body()).text()
                .replaceAll("\\s+", " ");
        assertThat(text).contains("Rapporten listar de senast registrerade 500 av tjänstens 501 underlag; bevispaketet har alla.",
                "… och 481 underlag till", "Intyg 482 (Certifikat, Cert AB)", "Intyg 002 (", "Intyg 501 (")
                .as("listed as evidence nowhere; its event stays in the period's events").doesNotContain("Intyg 001 (")
                .contains("\"Intyg 001\" (certifikat)");
        String english = ReportScenarios.pdf(manager.getBytes("/api/services/" + id + "/report?lang=en").body()).text()
                .replaceAll("\\s+", " ");
        assertThat(english).contains("The report lists the latest 500 of the service's 501 pieces of evidence recorded;"
                + " the evidence package holds them all.", "… and 481 more pieces of evidence");
    }
}
