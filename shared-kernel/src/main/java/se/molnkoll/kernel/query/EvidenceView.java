package se.molnkoll.kernel.query;

import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasurePhase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Evidence as recorded. {@code receivedOn}, {@code validFrom} and {@code validUntil} are business
 * dates the user gave; {@code recordedAt} is when Molnkoll recorded it. {@code status} is judged for
 * the view's status date (today, unless asked about another); {@code expiredOn} is the day its
 * expiry was recorded as taking effect (null until then).
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
        String recordedBy,
        EvidenceStatus status,
        LocalDate expiredOn,
        DocumentView document) {

    public EvidenceView withoutActor() {
        return new EvidenceView(id, kind, title, issuer, receivedOn, validFrom, validUntil, documentSha256, reference,
                covers, withdrawn, withdrawalReason, recordedAt, null, status, expiredOn, document);
    }
}
