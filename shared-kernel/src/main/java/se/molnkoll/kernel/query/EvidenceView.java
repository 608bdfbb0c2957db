package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;

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
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validUntil,
        @Nullable String documentSha256,
        @Nullable String reference,
        List<MeasurePhase> covers,
        boolean withdrawn,
        @Nullable String withdrawalReason,
        Instant recordedAt,
        @Nullable String recordedBy,
        EvidenceStatus status,
        @Nullable LocalDate expiredOn,
        @Nullable DocumentView document) {

    public EvidenceView withoutActor() {
        return new EvidenceView(id, kind, title, issuer, receivedOn, validFrom, validUntil, documentSha256, reference,
                covers, withdrawn, withdrawalReason, recordedAt, null, status, expiredOn, document);
    }
}
