package se.molnkoll.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * molnkoll.reports.*: how reports are made.
 *
 * @param concurrentPdfs how many PDF reports are laid out at once; further requests wait their turn (a long report
 *                       takes a few hundred MB of short-lived heap while it is laid out)
 */
@ConfigurationProperties("molnkoll.reports")
public record ReportProperties(@DefaultValue("2") int concurrentPdfs) {

    public ReportProperties {
        if (concurrentPdfs < 1) throw new IllegalArgumentException("molnkoll.reports.concurrent-pdfs must be 1 or more");
    }
}
