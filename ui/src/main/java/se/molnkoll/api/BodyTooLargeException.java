package se.molnkoll.api;

/** A request body longer than this address takes (molnkoll.limits.body-size); answered 413, nothing read further. */
class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(long maxBytes) {
        super("The request body is longer than " + maxBytes + " bytes (molnkoll.limits.body-size); nothing was recorded.");
    }
}
