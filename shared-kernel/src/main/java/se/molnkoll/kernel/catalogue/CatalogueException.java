package se.molnkoll.kernel.catalogue;

/** The measure catalogue's data file is missing, unreadable or breaks one of its rules. */
public class CatalogueException extends RuntimeException {

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
