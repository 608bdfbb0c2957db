package se.molnkoll.input;

import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.ArchiveService;
import se.molnkoll.kernel.command.CorrectServiceDetails;
import se.molnkoll.kernel.command.RecordProviderChange;
import se.molnkoll.kernel.command.ApproveRiskAcceptance;
import se.molnkoll.kernel.command.AssignTask;
import se.molnkoll.kernel.command.ChangeReviewSchedule;
import se.molnkoll.kernel.command.CompleteTask;
import se.molnkoll.kernel.command.ReassignTask;
import se.molnkoll.kernel.command.RecordReview;
import se.molnkoll.kernel.command.ProposeRiskAcceptance;
import se.molnkoll.kernel.command.RejectRiskAcceptance;
import se.molnkoll.kernel.command.RevokeRiskAcceptance;
import se.molnkoll.recording.ActorAndCorrelation;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.command.TerminateContract;
import se.molnkoll.kernel.command.WithdrawEvidence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The commands built from what a user sent, the same at both doors (the API's bodies, the pages'
 * forms), once the input is valid: text stripped, optional text null when blank, a SHA-256 in lower
 * case, duplicates gone.
 */
public final class CommandInput {

    private CommandInput() {
    }

    public static RegisterCloudService register(CloudServiceId service, String name, String vendor, ServiceModel model,
                                                String organisationUnit, String owner) {
        return register(service, name, vendor, model, organisationUnit, owner, null);
    }

    /** A registration from the region's own register, with the key it knows the service by. */
    public static RegisterCloudService register(CloudServiceId service, String name, String vendor, ServiceModel model,
                                                String organisationUnit, String owner, String externalKey) {
        return new RegisterCloudService(service, name.strip(), vendor.strip(), model, organisationUnit.strip(), owner.strip(),
                externalKey == null ? null : externalKey.strip());
    }

    /** A vendor's details as typed: text stripped, blanks null, country codes in capitals. */
    public static se.molnkoll.kernel.vendor.VendorDetails vendorDetails(String name, String organisationNumber,
                                                                        String foreignRegistration, String country,
                                                                        String parentCompany, String parentCountry) {
        return new se.molnkoll.kernel.vendor.VendorDetails(Text.blankToNull(name), Text.blankToNull(organisationNumber),
                Text.blankToNull(foreignRegistration), upper(country), Text.blankToNull(parentCompany), upper(parentCountry));
    }

    public static se.molnkoll.kernel.command.RegisterVendor registerVendor(se.molnkoll.kernel.VendorId vendor,
                                                                           se.molnkoll.kernel.vendor.VendorDetails details) {
        return new se.molnkoll.kernel.command.RegisterVendor(vendor, details);
    }

    public static se.molnkoll.kernel.command.CorrectVendorDetails correctVendor(se.molnkoll.kernel.VendorId vendor,
                                                                               se.molnkoll.kernel.vendor.VendorDetails details,
                                                                               String reason) {
        return new se.molnkoll.kernel.command.CorrectVendorDetails(vendor, details, Text.blankToNull(reason));
    }

    /** A contact for the purpose; all of name, e-mail and phone blank takes the contact away. */
    public static se.molnkoll.kernel.command.ChangeContactPoint contact(se.molnkoll.kernel.VendorId vendor,
                                                                       se.molnkoll.kernel.vendor.ContactPoint.Purpose purpose,
                                                                       String name, String email, String phone) {
        String n = Text.blankToNull(name);
        String e = Text.blankToNull(email);
        String p = Text.blankToNull(phone);
        return new se.molnkoll.kernel.command.ChangeContactPoint(vendor, purpose,
                n == null && e == null && p == null ? null : new se.molnkoll.kernel.vendor.ContactPoint(purpose, n, e, p));
    }

    public static se.molnkoll.kernel.vendor.SubProcessor subProcessor(String name, String country, String parentCountry,
                                                                      String activity, Collection<String> processingCountries) {
        return new se.molnkoll.kernel.vendor.SubProcessor(Text.blankToNull(name), upper(country), upper(parentCountry),
                Text.blankToNull(activity), countries(processingCountries));
    }

    public static se.molnkoll.kernel.command.AddSubProcessor addSubProcessor(se.molnkoll.kernel.VendorId vendor,
                                                                             se.molnkoll.kernel.vendor.SubProcessor subProcessor,
                                                                             LocalDate notifiedOn) {
        return new se.molnkoll.kernel.command.AddSubProcessor(vendor, UUID.randomUUID().toString(), subProcessor, notifiedOn);
    }

    public static se.molnkoll.kernel.command.ChangeSubProcessor changeSubProcessor(se.molnkoll.kernel.VendorId vendor, String id,
                                                                                   se.molnkoll.kernel.vendor.SubProcessor subProcessor,
                                                                                   LocalDate notifiedOn, String reason) {
        return new se.molnkoll.kernel.command.ChangeSubProcessor(vendor, id, subProcessor, notifiedOn, Text.blankToNull(reason));
    }

    public static se.molnkoll.kernel.command.RemoveSubProcessor removeSubProcessor(se.molnkoll.kernel.VendorId vendor, String id,
                                                                                   LocalDate notifiedOn, String reason) {
        return new se.molnkoll.kernel.command.RemoveSubProcessor(vendor, id, notifiedOn, Text.blankToNull(reason));
    }

    public static se.molnkoll.kernel.command.LinkVendor linkVendor(CloudServiceId service, se.molnkoll.kernel.VendorId vendor,
                                                                   String reason) {
        return new se.molnkoll.kernel.command.LinkVendor(service, vendor, Text.blankToNull(reason));
    }

    public static se.molnkoll.kernel.command.DeclareLocations declareLocations(CloudServiceId service, Collection<String> storage,
                                                                               Collection<String> processing,
                                                                               Collection<String> subProcessorIds,
                                                                               LocalDate declaredOn, String evidence) {
        return new se.molnkoll.kernel.command.DeclareLocations(service, new se.molnkoll.kernel.DeclaredLocations(countries(storage),
                countries(processing), subProcessorIds == null ? List.of() : subProcessorIds.stream().map(String::strip).distinct().toList(),
                declaredOn, Text.blankToNull(evidence)));
    }

    /** An administrator's change of a country's rule: in the EU/EEA, or an adequacy decision (date and reference), or neither. */
    public static se.molnkoll.kernel.command.ChangeCountryRule changeCountryRule(String country, boolean euEea,
                                                                                 LocalDate adequacyDecidedOn, Boolean adequacyWhole,
                                                                                 String adequacyReference, String reason) {
        se.molnkoll.kernel.catalogue.CountryRules.Adequacy adequacy = adequacyDecidedOn == null && Text.blankToNull(adequacyReference) == null
                ? null : new se.molnkoll.kernel.catalogue.CountryRules.Adequacy(adequacyDecidedOn, !Boolean.FALSE.equals(adequacyWhole),
                Text.blankToNull(adequacyReference));
        return new se.molnkoll.kernel.command.ChangeCountryRule(se.molnkoll.kernel.event.CountryRuleChanged.COUNTRY_RULES_ID,
                upper(country), new se.molnkoll.kernel.catalogue.CountryRules.CountryRule(euEea, adequacy), Text.blankToNull(reason));
    }

    public static se.molnkoll.kernel.command.RecordVendorEvidence recordVendorEvidence(se.molnkoll.kernel.VendorId vendor,
            EvidenceKind kind, String title, String issuer, String scope, LocalDate receivedOn, LocalDate validFrom,
            LocalDate validUntil, String reference) {
        return new se.molnkoll.kernel.command.RecordVendorEvidence(vendor, UUID.randomUUID().toString(),
                new se.molnkoll.kernel.vendor.VendorEvidence(kind, Text.blankToNull(title), Text.blankToNull(issuer), Text.blankToNull(scope),
                        receivedOn, validFrom, validUntil, Text.blankToNull(reference)));
    }

    public static se.molnkoll.kernel.command.WithdrawVendorEvidence withdrawVendorEvidence(se.molnkoll.kernel.VendorId vendor,
                                                                                           String vendorEvidenceId, String reason) {
        return new se.molnkoll.kernel.command.WithdrawVendorEvidence(vendor, vendorEvidenceId, Text.blankToNull(reason));
    }

    public static se.molnkoll.kernel.command.AdoptVendorEvidence adopt(CloudServiceId service, String vendorEvidenceId,
                                                                       Collection<Integer> measureIds, Collection<Phase> phases) {
        return new se.molnkoll.kernel.command.AdoptVendorEvidence(service, EvidenceId.random(), vendorEvidenceId,
                measureIds.stream().map(MeasureId::new).collect(Collectors.toSet()), Set.copyOf(phases));
    }

    /** Country codes as typed: stripped, in capitals, each once, blanks left out. */
    public static List<String> countries(Collection<String> typed) {
        return typed == null ? List.of() : typed.stream().map(CommandInput::upper).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static String upper(String code) {
        String text = Text.blankToNull(code);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    public static Classification classification(int confidentiality, int integrity, int availability, boolean secrecy,
                                                boolean personalData, List<String> allowedLocations,
                                                String ownershipRequirement, String decisionReference) {
        return new Classification(confidentiality, integrity, availability, secrecy, personalData,
                allowedLocations.stream().distinct().toList(), Text.blankToNull(ownershipRequirement),
                Text.blankToNull(decisionReference));
    }

    public static RecordEvidence recordEvidence(CloudServiceId service, EvidenceId evidence, Collection<Integer> measureIds,
                                                Collection<Phase> phases, EvidenceKind kind, String title, String issuer,
                                                LocalDate receivedOn, LocalDate validFrom, LocalDate validUntil,
                                                String documentSha256, String reference) {
        String sha256 = Text.blankToNull(documentSha256);
        return new RecordEvidence(service, evidence, measureIds.stream().map(MeasureId::new).collect(Collectors.toSet()),
                Set.copyOf(phases), kind, title.strip(), issuer.strip(), receivedOn, validFrom, validUntil,
                sha256 == null ? null : sha256.toLowerCase(Locale.ROOT), Text.blankToNull(reference));
    }

    public static WithdrawEvidence withdraw(CloudServiceId service, EvidenceId evidence, String reason) {
        return new WithdrawEvidence(service, evidence, reason.strip());
    }

    /** A proposal by the signed-in user, with a new id. */
    public static ProposeRiskAcceptance proposeRisk(CloudServiceId service, int measureId, Phase phase, String residualRisk,
                                                    String motivation, LocalDate validUntil) {
        return new ProposeRiskAcceptance(service, UUID.randomUUID().toString(), new MeasureId(measureId), phase,
                residualRisk.strip(), motivation.strip(), validUntil, ActorAndCorrelation.currentActor());
    }

    /** A task with a new id, about a measure in a phase or (measureId null) a proposal. */
    public static AssignTask assignTask(CloudServiceId service, Integer measureId, Phase phase, String proposalId,
                                        String assignee, LocalDate dueOn, String note) {
        return new AssignTask(service, UUID.randomUUID().toString(), measureId == null ? null : new MeasureId(measureId), phase,
                strip(proposalId), strip(assignee), dueOn, strip(note));
    }

    public static ReassignTask reassignTask(CloudServiceId service, String taskId, String assignee, LocalDate dueOn, String note) {
        return new ReassignTask(service, taskId, strip(assignee), dueOn, strip(note));
    }

    public static CompleteTask completeTask(CloudServiceId service, String taskId, String note) {
        return new CompleteTask(service, taskId, strip(note));
    }

    public static ChangeReviewSchedule changeReviewSchedule(int measureId, Phase phase, Integer intervalMonths, String reason) {
        return new ChangeReviewSchedule(se.molnkoll.kernel.event.ReviewScheduleChanged.SCHEDULE_ID, new MeasureId(measureId), phase,
                intervalMonths, reason.strip());
    }

    /** A review by the signed-in user. */
    public static RecordReview recordReview(CloudServiceId service, int measureId, Phase phase, RecordReview.ReviewOutcome outcome,
                                            String note, String reference) {
        return new RecordReview(service, new MeasureId(measureId), phase, outcome, strip(note), strip(reference),
                ActorAndCorrelation.currentActor());
    }

    /** An approval by the signed-in user. */
    public static ApproveRiskAcceptance approveRisk(CloudServiceId service, String proposalId, String note) {
        return new ApproveRiskAcceptance(service, proposalId, ActorAndCorrelation.currentActor(), strip(note));
    }

    /** A rejection by the signed-in user. */
    public static RejectRiskAcceptance rejectRisk(CloudServiceId service, String proposalId, String reason) {
        return new RejectRiskAcceptance(service, proposalId, ActorAndCorrelation.currentActor(), reason.strip());
    }

    public static RecordProviderChange providerChange(CloudServiceId service, String description, LocalDate changedOn) {
        return new RecordProviderChange(service, description.strip(), changedOn);
    }

    public static RevokeRiskAcceptance revokeRisk(CloudServiceId service, int measureId, Phase phase, LocalDate revokedFrom,
                                                  String reason) {
        return new RevokeRiskAcceptance(service, new MeasureId(measureId), phase, revokedFrom, reason.strip());
    }

    public static ArchiveService archive(CloudServiceId service, String reason) {
        return new ArchiveService(service, reason.strip());
    }

    /** A correction; a detail not given (null) stays as recorded. */
    public static CorrectServiceDetails correct(CloudServiceId service, String name, String vendor, ServiceModel model,
                                                String organisationUnit, String owner, String reason) {
        return new CorrectServiceDetails(service, strip(name), strip(vendor), model, strip(organisationUnit), strip(owner),
                reason.strip());
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public static TerminateContract terminate(CloudServiceId service, LocalDate terminatedOn, String reason) {
        return new TerminateContract(service, terminatedOn, reason.strip());
    }
}
