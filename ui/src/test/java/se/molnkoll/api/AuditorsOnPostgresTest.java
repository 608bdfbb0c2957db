package se.molnkoll.api;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.TestClock;

/** The auditors' scenarios on a real PostgreSQL. */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "molnkoll.demo-users=true")
@ActiveProfiles({"test", "postgres"})
@Import(TestClock.class)
class AuditorsOnPostgresTest extends ReportScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }
}
