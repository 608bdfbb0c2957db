package se.molnkoll.api;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.support.Api;
import se.molnkoll.support.TestClock;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports of more than their PDFs list. At the benchmark's full size, a list laid out whole took more heap than the
 * README's suggested heap has room for beside its caches: the portfolio's services, and the evidence of the service
 * with 10,000 events. The PDF lists the first 500 unclassified services and the latest 500 pieces of a service's
 * evidence (20 per measure), each list saying how many more there are; the XLSX report and the evidence package hold
 * them all. A context of its own, so that its services stay out of the other scenarios' portfolios; its two services'
 * data do not meet (the evidence test's service is classified, and its certificates have no end date).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "molnkoll.test.context=more-than-listed")
@ActiveProfiles("test")
@Import(TestClock.class)
class ReportsOfMoreThanTheyListTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    ReadModels readModels;

    @Test
    void the_pdf_lists_the_first_500_unclassified_services_and_says_how_many_there_are_the_xlsx_lists_them_all()
            throws Exception {
        CloudServiceId last = null;
        for (int n = 1; n <= 501; n++) {
            last = CloudServiceId.random();
            commands.sendAndWait(new RegisterCloudService(last, "Tjänst %03d".formatted(n), "Moln AB", ServiceModel.SAAS,
                    "Regionstyrelsen", "Anna"));
        }
        assertThat(readModels.awaitVisible(last)).isTrue();
        Api manager = Api.at(port).as("manager");

        ReportScenarios.Pdf pdf = ReportScenarios.pdf(manager.getBytes("/api/reports/portfolio").body());
        assertThat(pdf.text()).contains("Rapporten listar de första 500 av 501; XLSX-rapporten listar alla.",
                "Tjänst 001", "Tjänst 500").doesNotContain("Tjänst 501");
        ReportScenarios.Pdf english = ReportScenarios.pdf(manager.getBytes("/api/reports/portfolio?lang=en").body());
        assertThat(english.text()).contains("The report lists the first 500 of 501; the XLSX report lists them all.");

        byte[] workbook = manager.getBytes("/api/reports/portfolio?format=xlsx").body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(book.getSheet("Oklassade").getLastRowNum()).as("a header and every unclassified service").isEqualTo(501);
        }
    }

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
