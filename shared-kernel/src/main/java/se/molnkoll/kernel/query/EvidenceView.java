package se.molnkoll.kernel.query;

import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasurePhase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Evidence as recorded. {@code receivedOn}, {@code validFrom} and {@code validUntil} are business
 * dates; {@code recordedAt} is when Molnkoll recorded it.
 */
public record EvidenceView(
        EvidenceId id,
        EvidenceKind kind,
        String title,
        String issuer,
        LocalDate receivedOn,
        LocalDate validFrom,
        LocalDate validUntil,
        String documentSha256,
        String reference,
        List<MeasurePhase> covers,
        boolean withdrawn,
        String withdrawalReason,
        Instant recordedAt,
        String recordedBy) {

    public EvidenceView withoutActor() {
        return new EvidenceView(id, kind, title, issuer, receivedOn, validFrom, validUntil, documentSha256, reference,
                covers, withdrawn, withdrawalReason, recordedAt, null);
    }
}
