package se.molnkoll.api;

/** The path names a service (or evidence) Molnkoll does not have. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }

    static NotFoundException service(String id) {
        return new NotFoundException("No cloud service " + id);
    }
}
