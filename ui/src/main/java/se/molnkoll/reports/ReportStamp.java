package se.molnkoll.reports;

import se.molnkoll.kernel.catalogue.CatalogueIdentity;
import se.molnkoll.kernel.query.ChainHead;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What every report says about itself, on every page: the moment it shows (recorded time, null for "now", and the
 * day statuses are judged for), who generated it and when, the routine's version it measures against, and the hash
 * chain's head when it was generated, so that an auditor can later prove that nothing up to there has changed.
 * {@code reportId} is also in the log line that records the generation.
 */
public record ReportStamp(String reportId, Instant generatedAt, String generatedBy, Instant asOf, LocalDate statusDate,
                          CatalogueIdentity routine, ChainHead head) {

    /** The moment shown: the instant asked about, or the time of generation for "now". */
    public Instant shownAt() {
        return asOf != null ? asOf : generatedAt;
    }
}
