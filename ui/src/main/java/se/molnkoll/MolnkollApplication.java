package se.molnkoll;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import se.molnkoll.instance.RoleFilter;

/**
 * Molnkoll: the evidence tracker for the security measures of external cloud services. What
 * {@code @SpringBootApplication} does, with one more filter on the component scan: an instance holds
 * only the components of its roles ({@link RoleFilter}, property {@code molnkoll.roles}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = RoleFilter.class)})
@ConfigurationPropertiesScan
public class MolnkollApplication {

    public static void main(String[] args) {
        SpringApplication.run(MolnkollApplication.class, args);
    }
}
