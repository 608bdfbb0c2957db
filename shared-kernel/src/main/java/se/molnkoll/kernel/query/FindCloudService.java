package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;

/** One cloud service in full. Answer: optional {@link CloudServiceView}. */
public record FindCloudService(CloudServiceId cloudServiceId) {
}
