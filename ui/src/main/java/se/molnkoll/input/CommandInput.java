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
