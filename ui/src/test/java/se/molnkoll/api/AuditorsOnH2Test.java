package se.molnkoll.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import se.molnkoll.support.TestClock;

/** The auditors' scenarios (history, reports) on the embedded default database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.class)
class AuditorsOnH2Test extends ReportScenarios {
}
