package se.molnkoll.api;

import se.molnkoll.kernel.query.Moment;

/** The path names a service (or evidence) Molnkoll does not have. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }

    static NotFoundException service(String id) {
        return new NotFoundException("No cloud service " + id);
    }

    /** No such service, or (for a moment of recorded time) none had been registered yet then. */
    static NotFoundException service(String id, Moment moment) {
        return moment.knownAt() == null ? service(id)
                : new NotFoundException("No cloud service " + id + " had been registered as of " + moment.knownAt());
    }
}
