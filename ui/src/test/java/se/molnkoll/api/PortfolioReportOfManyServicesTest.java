package se.molnkoll.api;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import se.molnkoll.support.Api;
import se.molnkoll.support.TestClock;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.query.api.ReadModels;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio report of more services than its PDF lists: the PDF lists the first 500 unclassified services and says
 * how many there are, the XLSX lists them all. (At the benchmark's full size the whole list, laid out at once, took more
 * heap than the README's suggested heap has room for beside its caches.) A context of its own, so that its 501
 * services stay out of the other scenarios' portfolios.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "molnkoll.test.context=many-services")
@ActiveProfiles("test")
@Import(TestClock.class)
class PortfolioReportOfManyServicesTest {

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
}
