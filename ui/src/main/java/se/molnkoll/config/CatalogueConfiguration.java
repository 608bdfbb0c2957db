package se.molnkoll.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.molnkoll.kernel.catalogue.CatalogueIdentity;
import se.molnkoll.kernel.catalogue.CountryRules;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.catalogue.ReviewSchedule;

/** Loads the routine's measures at startup; a broken catalogue stops the application with its reasons. */
@Configuration(proxyBeanMethods = false)
public class CatalogueConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogueConfiguration.class);

    /** The recurring reviews of operation, shipped beside the catalogue and checked against it. */
    @Bean
    ReviewSchedule reviewSchedule(MeasureCatalogue catalogue) {
        ReviewSchedule schedule = ReviewSchedule.loadDefault(catalogue);
        log.info("Loaded the review schedule: {} recurring reviews", schedule.entries().size());
        return schedule;
    }

    /** What the law says of each country (EU/EEA, adequacy decisions), shipped beside the catalogue with its source and date. */
    @Bean
    CountryRules countryRules() {
        CountryRules rules = CountryRules.loadDefault();
        log.info("Loaded the country rules as of {}: {} countries listed", rules.asOf(), rules.listed().size());
        return rules;
    }

    @Bean
    MeasureCatalogue measureCatalogue() {
        MeasureCatalogue catalogue = MeasureCatalogue.loadDefault();
        CatalogueIdentity identity = catalogue.identity();
        log.info("Loaded {} measures of \"{}\" version {} (valid {} to {})", catalogue.measures().size(),
                identity.routine(), identity.version(), identity.validFrom(), identity.validUntil());
        return catalogue;
    }
}
