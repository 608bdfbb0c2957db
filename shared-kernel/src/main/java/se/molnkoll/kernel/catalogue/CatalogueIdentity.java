package se.molnkoll.kernel.catalogue;

import java.time.LocalDate;

/** Which routine, and which version of it, the catalogue transcribes. */
public record CatalogueIdentity(
        String routine,
        String organisation,
        String documentId,
        String version,
        LocalDate validFrom,
        LocalDate validUntil) {
}
