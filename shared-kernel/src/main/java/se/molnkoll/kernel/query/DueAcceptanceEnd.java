package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;

/** An approved acceptance whose end the sweep is to record. */
public record DueAcceptanceEnd(CloudServiceId serviceId, String proposalId) {
}
