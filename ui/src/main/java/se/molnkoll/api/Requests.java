package se.molnkoll.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
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
            @Schema(allowableValues = {"SAAS", "PAAS", "IAAS"}) @NotNull @EnumName(ServiceModel.class) String serviceModel,
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
            @ArraySchema(schema = @Schema(allowableValues = {"ACQUIRE", "OPERATE", "EXIT"})) @NotEmpty @Size(max = 3) List<@NotNull @EnumName(Phase.class) String> phases,
            @Schema(allowableValues = {"CERTIFICATE", "AUDIT_REPORT", "CONTRACT_CLAUSE", "VENDOR_STATEMENT", "INTERNAL_DECISION", "OTHER"}) @NotNull @EnumName(EvidenceKind.class) String kind,
            @NotBlank @Size(max = NAME) String title,
            @NotBlank @Size(max = NAME) String issuer,
            @Schema(format = "date", example = "2026-11-20") @NotNull @IsoDate String receivedOn,
            @Schema(format = "date", example = "2026-11-20") @IsoDate String validFrom,
            @Schema(format = "date", example = "2026-11-20") @IsoDate String validUntil,
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 in hexadecimal (64 characters)") String documentSha256,
            @Size(max = NAME) String reference) {
    }

    record Withdrawal(@NotBlank @Size(max = TEXT) String reason) {
    }

    record RiskAcceptance(
            @NotNull @Positive Integer measureId,
            @Schema(allowableValues = {"ACQUIRE", "OPERATE", "EXIT"}) @NotNull @EnumName(Phase.class) String phase,
            @NotBlank @Size(max = NAME) String riskOwner,
            @NotBlank @Size(max = TEXT) String motivation,
            @Schema(format = "date", example = "2026-11-20") @IsoDate String validUntil) {
    }

    record ProviderChange(
            @NotBlank @Size(max = TEXT) String description,
            @Schema(format = "date", example = "2026-11-20") @NotNull @IsoDate String changedOn) {
    }

    record Termination(
            @Schema(format = "date", example = "2026-11-20") @NotNull @IsoDate String terminatedOn,
            @NotBlank @Size(max = TEXT) String reason) {
    }
}
