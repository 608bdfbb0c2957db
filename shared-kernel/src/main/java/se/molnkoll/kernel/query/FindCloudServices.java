package se.molnkoll.kernel.query;

/** The register at a moment: every cloud service with its phase and open measures per phase. Answer: list of {@link CloudServiceSummary}. */
public record FindCloudServices(Moment moment) {
}
