package se.molnkoll;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Molnkoll: the evidence tracker for the security measures of external cloud services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MolnkollApplication {

    public static void main(String[] args) {
        SpringApplication.run(MolnkollApplication.class, args);
    }
}
