package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;

/** One cloud service in full at a moment. Answer: optional {@link CloudServiceView}, empty if it did not exist then. */
public record FindCloudService(CloudServiceId cloudServiceId, Moment moment) {

    public FindCloudService(CloudServiceId cloudServiceId) {
        this(cloudServiceId, Moment.NOW);
    }
}
