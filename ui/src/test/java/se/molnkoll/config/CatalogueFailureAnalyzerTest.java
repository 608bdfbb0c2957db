package se.molnkoll.config;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import se.molnkoll.kernel.catalogue.CatalogueException;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueFailureAnalyzerTest {

    @Test
    void a_broken_catalogue_at_startup_is_reported_with_its_reasons_and_what_to_do() {
        CatalogueException broken = new CatalogueException("Measure catalogue x is broken: measure 2 has no phase");
        FailureAnalysis analysis = new CatalogueFailureAnalyzer()
                .analyze(new BeanCreationException("measureCatalogue", "failed", broken));
        assertThat(analysis.getDescription()).isEqualTo("Measure catalogue x is broken: measure 2 has no phase");
        assertThat(analysis.getAction()).contains("table 4.5");
    }

    @Test
    void spring_boot_finds_the_analyzer() {
        SpringFactoriesLoader.FailureHandler ignoreOthers = (factoryType, factoryImplementationName, failure) -> { };
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, ignoreOthers))
                .anyMatch(CatalogueFailureAnalyzer.class::isInstance);
    }
}
