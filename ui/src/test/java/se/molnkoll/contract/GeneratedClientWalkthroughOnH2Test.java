package se.molnkoll.contract;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import se.molnkoll.support.TestClock;

/** The generated client's walk-through on the embedded default database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.class)
class GeneratedClientWalkthroughOnH2Test extends GeneratedClientWalkthrough {
}
