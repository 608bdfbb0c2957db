package se.molnkoll.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.testing.MutableClock;

import java.time.LocalDate;

/** What the read-model tests need besides the JPA slice: the catalogue, a clock they move, JSON. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class QueryTestApplication {

    public static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Bean
    MutableClock clock() {
        return MutableClock.at(TODAY);
    }

    @Bean
    se.molnkoll.kernel.catalogue.CountryRules countryRules() {
        return se.molnkoll.kernel.catalogue.CountryRules.loadDefault();
    }

    @Bean
    MeasureCatalogue measureCatalogue() {
        return MeasureCatalogue.loadDefault();
    }

    /**
     * The position EventStream gives each event, carried in its token: the test stream has no gaps,
     * and its events are not in the store. (The application reads them from the store; the ui
     * module's scenarios cover that, with concurrent appends, on H2 and PostgreSQL.)
     */
    @Bean
    se.molnkoll.query.audit.EventPositions eventPositions() {
        return tokens -> {
            java.util.Map<String, Long> positions = new java.util.HashMap<>();
            tokens.forEach((event, token) -> positions.put(event, token.position().orElseThrow()));
            return positions;
        };
    }

    @Bean
    ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
