package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;

/** The moments the location check of a service began and stopped finding each set of conflicts. */
public record FindLocationHistory(CloudServiceId serviceId) {
}
