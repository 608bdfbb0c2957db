package se.molnkoll.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;

import java.util.List;

/**
 * The bodies the API accepts. Enums and dates arrive as strings so that every bad field is named in
 * one answer ({@link EnumName}, {@link IsoDate}). Limits keep every value storable; rules about the
 * service are the aggregate's.
 */
final class Requests {

    static final int NAME = 200;
    static final int TEXT = 4000;

    private Requests() {
    }

    record Register(
            @NotBlank @Size(max = NAME) String name,
            @NotBlank @Size(max = NAME) String vendor,
            @NotNull @EnumName(ServiceModel.class) String serviceModel,
            @NotBlank @Size(max = NAME) String organisationUnit,
            @NotBlank @Size(max = NAME) String owner) {
    }

    record Classify(
            @NotNull @Min(0) @Max(4) Integer confidentiality,
            @NotNull @Min(0) @Max(4) Integer integrity,
            @NotNull @Min(0) @Max(4) Integer availability,
            @NotNull Boolean secrecy,
            @NotNull Boolean personalData,
            @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z]{2}|EU/EEA",
                    message = "must be an ISO 3166-1 alpha-2 country code in capitals (e.g. SE) or EU/EEA") String> allowedLocations,
            @Size(max = TEXT) String ownershipRequirement,
            @Size(max = NAME) String decisionReference) {
    }

    record Evidence(
            @NotEmpty @Size(max = 42) List<@NotNull @Positive Integer> measureIds,
            @NotEmpty @Size(max = 3) List<@NotNull @EnumName(Phase.class) String> phases,
            @NotNull @EnumName(EvidenceKind.class) String kind,
            @NotBlank @Size(max = NAME) String title,
            @NotBlank @Size(max = NAME) String issuer,
            @NotNull @IsoDate String receivedOn,
            @IsoDate String validFrom,
            @IsoDate String validUntil,
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 in hexadecimal (64 characters)") String documentSha256,
            @Size(max = NAME) String reference) {
    }

    record Withdrawal(@NotBlank @Size(max = TEXT) String reason) {
    }

    record RiskAcceptance(
            @NotNull @Positive Integer measureId,
            @NotNull @EnumName(Phase.class) String phase,
            @NotBlank @Size(max = NAME) String riskOwner,
            @NotBlank @Size(max = TEXT) String motivation,
            @IsoDate String validUntil) {
    }

    record ProviderChange(
            @NotBlank @Size(max = TEXT) String description,
            @NotNull @IsoDate String changedOn) {
    }

    record Termination(
            @NotNull @IsoDate String terminatedOn,
            @NotBlank @Size(max = TEXT) String reason) {
    }
}
