package se.molnkoll.contract;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import se.molnkoll.support.Api;
import se.molnkoll.support.Contract;
import se.molnkoll.support.TestClock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * openapi.yaml, in the repository for clients and for review, is exactly what the server serves at
 * /v3/api-docs.yaml: a change of the contract shows as a change of that file. When they differ, the
 * served document is written to ui/target/openapi.yaml; look at the difference, and if it is meant,
 * copy it over openapi.yaml (README: API contract).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.class)
class PublishedDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void the_published_document_is_the_served_one() throws IOException {
        Api.Response served = Api.at(port).get("/v3/api-docs.yaml");
        assertThat(served.status()).isEqualTo(200);
        String published = Files.readString(Contract.DOCUMENT, StandardCharsets.UTF_8);
        if (!served.body().equals(published)) {
            Path written = Path.of("target", "openapi.yaml").toAbsolutePath();
            Files.createDirectories(written.getParent());
            Files.writeString(written, served.body(), StandardCharsets.UTF_8);
            fail("openapi.yaml is not what the server serves; first difference:\n" + firstDifference(published, served.body())
                    + "\nThe served document is in " + written + "; if the change is meant: cp " + written + " "
                    + Contract.DOCUMENT);
        }
    }

    @Test
    void the_document_is_openapi_3_0_for_the_validator_and_the_generator_and_names_no_request_host() {
        String document = Api.at(port).get("/v3/api-docs.yaml").body();
        assertThat(document).startsWith("openapi: 3.0.");
        assertThat(document).contains("- description: Molnkoll on its embedded default").doesNotContain("localhost:" + port);
    }

    private static String firstDifference(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String left = i < a.size() ? a.get(i) : "(end)";
            String right = i < b.size() ? b.get(i) : "(end)";
            if (!left.equals(right)) {
                return "line " + (i + 1) + "\n  openapi.yaml: " + left + "\n  served:       " + right;
            }
        }
        return "(line ends)";
    }
}
