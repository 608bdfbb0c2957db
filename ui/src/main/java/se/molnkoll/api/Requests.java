package se.molnkoll.api;

import static se.molnkoll.input.Lengths.NAME;
import static se.molnkoll.input.Lengths.TEXT;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.molnkoll.input.BusinessDate;
import se.molnkoll.input.Country;
import se.molnkoll.input.Location;
import se.molnkoll.input.NotInFuture;
import se.molnkoll.input.PeriodInOrder;
import se.molnkoll.input.RoutineMeasure;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;

import java.time.LocalDate;
import java.util.List;

/**
 * The bodies the API accepts. {@link RequestBodyReader} reads them field by field and checks these
 * constraints, so one answer names every bad field. Limits keep every value storable; rules about
 * the service itself are the aggregate's.
 */
final class Requests {

    private Requests() {
    }

    @Schema(name = "ServiceRegistration")
    record Register(
            @NotBlank @Size(max = NAME) String name,
            @NotBlank @Size(max = NAME) String vendor,
            @NotNull ServiceModel serviceModel,
            @NotBlank @Size(max = NAME) String organisationUnit,
            @NotBlank @Size(max = NAME) String owner,
            @Schema(format = "uuid", description = "The vendor record it is linked to at once (GET /api/vendors); null: named only in words")
            @Pattern(regexp = UUID_PATTERN, message = "must be a vendor's id (a UUID in lower case)") String vendorId) {
    }

    @Schema(name = "ClassificationInput")
    record Classify(
            @NotNull @Min(0) @Max(4) Integer confidentiality,
            @NotNull @Min(0) @Max(4) Integer integrity,
            @NotNull @Min(0) @Max(4) Integer availability,
            @NotNull Boolean secrecy,
            @NotNull Boolean personalData,
            @Size(max = 50) List<@NotNull @Location String> allowedLocations,
            @Size(max = TEXT) String ownershipRequirement,
            @Size(max = NAME) String decisionReference) {
    }

    @PeriodInOrder
    @Schema(name = "EvidenceInput")
    record Evidence(
            @NotEmpty @Size(max = 42) List<@NotNull @RoutineMeasure Integer> measureIds,
            @NotEmpty @Size(max = 3) List<@NotNull Phase> phases,
            @NotNull EvidenceKind kind,
            @NotBlank @Size(max = NAME) String title,
            @NotBlank @Size(max = NAME) String issuer,
            @NotNull @BusinessDate @NotInFuture LocalDate receivedOn,
            @BusinessDate LocalDate validFrom,
            @BusinessDate LocalDate validUntil,
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 in hexadecimal (64 characters)") String documentSha256,
            @Size(max = NAME) String reference) implements PeriodInOrder.Period {
    }

    @Schema(name = "WithdrawalInput")
    record Withdrawal(@NotBlank @Size(max = TEXT) String reason) {
    }

    @Schema(name = "RiskProposalInput")
    record RiskProposal(
            @NotNull @RoutineMeasure Integer measureId,
            @NotNull Phase phase,
            @Schema(description = "The risk that remains") @NotBlank @Size(max = TEXT) String residualRisk,
            @Schema(description = "Why the measure cannot take the risk further") @NotBlank @Size(max = TEXT) String motivation,
            @Schema(description = "The last day the acceptance would hold: not before today, at most "
                    + "molnkoll.risk-acceptance.longest (3 years) ahead")
            @NotNull @BusinessDate LocalDate validUntil) {
    }

    @Schema(name = "TaskInput", description = "Either measureId and phase (an open measure) or proposalId (a proposal "
            + "waiting for the risk owner)")
    record Task(
            @RoutineMeasure Integer measureId,
            Phase phase,
            @Schema(format = "uuid") @Pattern(regexp = UUID_PATTERN, message = "must be a proposal's id (a UUID in lower case)") String proposalId,
            @Schema(description = "The person's user name, as they sign in") @NotBlank @Size(max = NAME) String assignee,
            @Schema(description = "Not before today") @NotNull @BusinessDate LocalDate dueOn,
            @Size(max = TEXT) String note) {
    }

    @Schema(name = "ReviewInput")
    record Review(
            @NotNull @RoutineMeasure Integer measureId,
            @NotNull Phase phase,
            @NotNull se.molnkoll.kernel.command.RecordReview.ReviewOutcome outcome,
            @Size(max = TEXT) String note,
            @Schema(description = "Where the review's document is (a case number, a file's name)") @Size(max = NAME) String reference) {
    }

    @Schema(name = "ReviewScheduleChangeInput")
    record ReviewScheduleChange(
            @NotNull @RoutineMeasure Integer measureId,
            @NotNull Phase phase,
            @Schema(description = "Months between reviews; null: the measure no longer recurs") @Min(1) @Max(60) Integer intervalMonths,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    @Schema(name = "TaskReassignmentInput")
    record TaskReassignment(
            @NotBlank @Size(max = NAME) String assignee,
            @NotNull @BusinessDate LocalDate dueOn,
            @Size(max = TEXT) String note) {
    }

    @Schema(name = "TaskCompletionInput")
    record TaskCompletion(@Size(max = TEXT) String note) {
    }

    @Schema(name = "RiskApprovalInput")
    record RiskApproval(@Schema(description = "What the risk owner adds") @Size(max = TEXT) String note) {
    }

    @Schema(name = "RiskRejectionInput")
    record RiskRejection(@NotBlank @Size(max = TEXT) String reason) {
    }

    @Schema(name = "RiskRevocationInput")
    record RiskRevocation(
            @NotNull @RoutineMeasure Integer measureId,
            @NotNull Phase phase,
            @NotNull @BusinessDate LocalDate revokedFrom,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    @Schema(name = "ProviderChangeInput")
    record ProviderChange(
            @NotBlank @Size(max = TEXT) String description,
            @NotNull @BusinessDate LocalDate changedOn) {
    }

    /** A correction: give only what changes; each detail given must say something (not blank). */
    @Schema(name = "CorrectionInput")
    record Correction(
            @Size(max = NAME) @Pattern(regexp = SOMETHING, message = NOT_BLANK_IF_GIVEN) String name,
            @Size(max = NAME) @Pattern(regexp = SOMETHING, message = NOT_BLANK_IF_GIVEN) String vendor,
            ServiceModel serviceModel,
            @Size(max = NAME) @Pattern(regexp = SOMETHING, message = NOT_BLANK_IF_GIVEN) String organisationUnit,
            @Size(max = NAME) @Pattern(regexp = SOMETHING, message = NOT_BLANK_IF_GIVEN) String owner,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    private static final String SOMETHING = "[\\s\\S]*\\S[\\s\\S]*";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String NOT_BLANK_IF_GIVEN = "must not be blank; leave it out to keep what is recorded";

    @Schema(name = "ArchivingInput")
    record Archiving(@NotBlank @Size(max = TEXT) String reason) {
    }

    @Schema(name = "TerminationInput")
    record Termination(
            @NotNull @BusinessDate LocalDate terminatedOn,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    @Schema(name = "VendorInput")
    record Vendor(
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Swedish organisation number, NNNNNN-NNNN (checked, with its check digit); required for a "
                    + "vendor registered in Sweden") @Size(max = 20) String organisationNumber,
            @Schema(description = "The register and number abroad") @Size(max = NAME) String foreignRegistration,
            @NotNull @Country String country,
            @Schema(description = "The company that owns or controls the vendor") @Size(max = 200) String parentCompany,
            @Country String parentCountry) {
    }

    @Schema(name = "VendorCorrectionInput")
    record VendorCorrection(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 20) String organisationNumber,
            @Size(max = NAME) String foreignRegistration,
            @NotNull @Country String country,
            @Size(max = 200) String parentCompany,
            @Country String parentCountry,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    @Schema(name = "ContactPointInput")
    record Contact(
            @Schema(description = "The function or team; name, email and phone all blank take the contact away") @Size(max = 200) String name,
            @Size(max = NAME) String email,
            @Size(max = 50) String phone) {
    }

    @Schema(name = "SubProcessorInput")
    record SubProcessor(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Country String country,
            @Country String parentCountry,
            @NotBlank @Size(max = 200) String activity,
            @NotEmpty @Size(max = 50) List<@NotNull @Country String> processingCountries,
            @NotNull @BusinessDate @NotInFuture LocalDate notifiedOn,
            @Schema(description = "Why it changed; required for a change") @Size(max = TEXT) String reason) {
    }

    @Schema(name = "SubProcessorRemovalInput")
    record SubProcessorRemoval(
            @NotNull @BusinessDate @NotInFuture LocalDate notifiedOn,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    @Schema(name = "VendorLinkInput")
    record VendorLink(
            @NotNull @Schema(format = "uuid") @Pattern(regexp = UUID_PATTERN, message = "must be a vendor's id (a UUID in lower case)") String vendorId,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    @Schema(name = "LocationsInput")
    record Locations(
            @NotEmpty @Size(max = 50) List<@NotNull @Country String> storageCountries,
            @Size(max = 50) List<@NotNull @Country String> processingCountries,
            @Schema(description = "Ids of the linked vendor's sub-processors the service uses")
            @Size(max = 100) List<@NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a sub-processor's id (a UUID in lower case)") String> subProcessorIds,
            @NotNull @BusinessDate @NotInFuture LocalDate declaredOn,
            @Schema(description = "What says so: the data processing agreement, a trust-center page") @Size(max = TEXT) String evidence) {
    }

    @Schema(name = "CountryRuleInput")
    record CountryRule(
            @NotNull @Country String country,
            @NotNull Boolean euEea,
            @Schema(description = "The adequacy decision's date; null with its reference: no adequacy decision") @BusinessDate @NotInFuture LocalDate adequacyDecidedOn,
            @Schema(description = "false: the decision covers only some organisations (as the US Data Privacy Framework)") Boolean adequacyWhole,
            @Size(max = TEXT) String adequacyReference,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    @PeriodInOrder
    @Schema(name = "VendorEvidenceInput")
    record VendorEvidence(
            @NotNull EvidenceKind kind,
            @NotBlank @Size(max = NAME) String title,
            @NotBlank @Size(max = NAME) String issuer,
            @Schema(description = "What it covers at the vendor (sites, services, the certificate's scope statement)")
            @NotBlank @Size(max = TEXT) String scope,
            @NotNull @BusinessDate @NotInFuture LocalDate receivedOn,
            @BusinessDate LocalDate validFrom,
            @BusinessDate LocalDate validUntil,
            @Size(max = NAME) String reference) implements PeriodInOrder.Period {
    }

    @Schema(name = "VendorEvidenceAdoptionInput")
    record Adoption(
            @NotNull @Schema(format = "uuid") @Pattern(regexp = UUID_PATTERN, message = "must be the vendor evidence's id (a UUID in lower case)") String vendorEvidenceId,
            @NotEmpty @Size(max = 42) List<@NotNull @RoutineMeasure Integer> measureIds,
            @NotEmpty @Size(max = 3) List<@NotNull Phase> phases) {
    }
}
