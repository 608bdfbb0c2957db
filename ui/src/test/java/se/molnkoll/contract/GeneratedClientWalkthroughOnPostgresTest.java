package se.molnkoll.contract;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.TestClock;

/** The generated client's walk-through on PostgreSQL (-Ppostgres, as CI runs it). */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "molnkoll.demo-users=true")
@ActiveProfiles({"test", "postgres"})
@Import(TestClock.class)
class GeneratedClientWalkthroughOnPostgresTest extends GeneratedClientWalkthrough {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }
}
