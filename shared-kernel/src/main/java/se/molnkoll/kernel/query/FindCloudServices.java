package se.molnkoll.kernel.query;

/** The register: every cloud service with its phase and open measures per phase. Answer: list of {@link CloudServiceSummary}. */
public record FindCloudServices() {
}
