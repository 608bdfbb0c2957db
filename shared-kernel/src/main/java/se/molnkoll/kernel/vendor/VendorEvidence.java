package se.molnkoll.kernel.vendor;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.InputProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate or audit report recorded once on the vendor (an ISO/IEC 27001 certificate of a large
 * provider, say), with what it covers at the vendor ({@code scope}) and its validity; each of the vendor's
 * services adopts it for the measures and phases it covers there.
 *
 * @param validFrom  first day it is valid, or null: from receipt
 * @param validUntil last day it is valid (inclusive), or null if it does not lapse
 */
public record VendorEvidence(EvidenceKind kind, String title, String issuer, String scope, LocalDate receivedOn,
                             @Nullable LocalDate validFrom, @Nullable LocalDate validUntil, @Nullable String reference) {

    public static final int TEXT_MAX = 200;

    /** What is wrong with it as new input; empty when it is valid. */
    public List<InputProblem> problems(LocalDate today) {
        List<InputProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new InputProblem("EVIDENCE_KIND_REQUIRED", "Say what kind of evidence it is"));
        }
        if (blankOrLong(title) || blankOrLong(issuer)) {
            problems.add(new InputProblem("EVIDENCE_TITLE_REQUIRED", "Evidence needs a title and an issuer of at most " + TEXT_MAX + " characters"));
        }
        if (scope == null || scope.isBlank() || scope.length() > 4000) {
            problems.add(new InputProblem("EVIDENCE_SCOPE_REQUIRED", "Say what the evidence covers at the vendor (its scope)"));
        }
        if (receivedOn == null) {
            problems.add(new InputProblem("RECEIVED_ON_REQUIRED", "Say when the evidence was received"));
        } else if (receivedOn.isAfter(today)) {
            problems.add(new InputProblem("RECEIVED_IN_FUTURE", "Evidence cannot be received in the future: " + receivedOn));
        }
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.add(new InputProblem("VALIDITY_REVERSED", "Valid until " + validUntil + " is before valid from " + validFrom));
        }
        return problems;
    }

    private static boolean blankOrLong(String text) {
        return text == null || text.isBlank() || text.length() > TEXT_MAX;
    }
}
