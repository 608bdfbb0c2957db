package se.molnkoll.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.catalogue.Measure;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.catalogue.ReviewSchedule;
import se.molnkoll.kernel.catalogue.ReviewSchedules;
import se.molnkoll.kernel.command.ApproveRiskAcceptance;
import se.molnkoll.kernel.command.ArchiveService;
import se.molnkoll.kernel.command.AssignTask;
import se.molnkoll.kernel.command.CompleteTask;
import se.molnkoll.kernel.command.ReassignTask;
import se.molnkoll.kernel.command.MarkReviewDue;
import se.molnkoll.kernel.command.RecordReview;
import se.molnkoll.kernel.command.UnknownTaskException;
import se.molnkoll.kernel.command.EndRiskAcceptance;
import se.molnkoll.kernel.command.ProposeRiskAcceptance;
import se.molnkoll.kernel.command.RejectRiskAcceptance;
import se.molnkoll.kernel.command.RiskAcceptancePolicy;
import se.molnkoll.kernel.command.UnknownProposalException;
import se.molnkoll.kernel.command.AttachDocument;
import se.molnkoll.kernel.command.CorrectServiceDetails;
import se.molnkoll.kernel.command.EvidenceRules;
import se.molnkoll.kernel.command.Decommission;
import se.molnkoll.kernel.command.ExpireEvidence;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.RecordProviderChange;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.command.RevokeRiskAcceptance;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.SetClassification;
import se.molnkoll.kernel.command.StartOperation;
import se.molnkoll.kernel.command.TerminateContract;
import se.molnkoll.kernel.command.UnknownEvidenceException;
import se.molnkoll.kernel.command.Violation;
import se.molnkoll.kernel.command.WithdrawEvidence;
import se.molnkoll.kernel.compliance.ComplianceLedger;
import se.molnkoll.kernel.compliance.Validity;
import se.molnkoll.kernel.event.ClassificationSet;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.DocumentAttached;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.EvidenceExpired;
import se.molnkoll.kernel.event.EvidenceReceived;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.ExternalKeyAssigned;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.ResidualRiskAccepted;
import se.molnkoll.kernel.event.RiskAcceptanceApproved;
import se.molnkoll.kernel.event.RiskAcceptanceEnded;
import se.molnkoll.kernel.event.RiskAcceptanceProposed;
import se.molnkoll.kernel.event.RiskAcceptanceRejected;
import se.molnkoll.kernel.event.RiskAcceptanceRevoked;
import se.molnkoll.kernel.event.RiskAnalysisReopened;
import se.molnkoll.kernel.event.OwnerChanged;
import se.molnkoll.kernel.event.ServiceArchived;
import se.molnkoll.kernel.event.TaskAssigned;
import se.molnkoll.kernel.event.ReviewFellDue;
import se.molnkoll.kernel.event.ReviewRecorded;
import se.molnkoll.kernel.event.ReviewScheduled;
import se.molnkoll.kernel.event.TaskCompleted;
import se.molnkoll.kernel.event.TaskReassigned;
import se.molnkoll.kernel.event.ServiceDecommissioned;
import se.molnkoll.kernel.event.ServiceModelCorrected;
import se.molnkoll.kernel.event.ServiceMovedToUnit;
import se.molnkoll.kernel.event.ServiceRenamed;
import se.molnkoll.kernel.event.VendorChanged;
import se.molnkoll.kernel.event.VendorLinked;
import se.molnkoll.kernel.event.LocationsDeclared;
import se.molnkoll.kernel.command.LinkVendor;
import se.molnkoll.kernel.command.DeclareLocations;
import se.molnkoll.kernel.DeclaredLocations;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.VendorRecord;
import se.molnkoll.kernel.vendor.VendorRecords;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One external cloud service and everything recorded about it. Command handlers decide (and refuse
 * with every reason at once); event sourcing handlers only change state. "Today" comes from the
 * injected clock, in Europe/Stockholm.
 *
 * <p>Loaded services are kept in {@value #CACHE} (defined by the command side's CommandConfiguration), so a
 * command does not replay the service's whole history each time; one that is not kept is loaded from its latest
 * snapshot on (the command side's Snapshots). A copy that another instance has made stale is
 * harmless: its next event collides with the newer one on the store's unique key, the command fails
 * with a conflict, and the copy is dropped.
 */
@Aggregate(cache = CloudService.CACHE, snapshotTriggerDefinition = CloudService.SNAPSHOTS)
@Revision(CloudService.STATE_REVISION)
public class CloudService {

    /** The name of the aggregate cache's bean. */
    public static final String CACHE = "cloudServiceCache";
    /** The name of the bean that decides when a service's state is stored as a snapshot (the command side's Snapshots). */
    public static final String SNAPSHOTS = "cloudServiceSnapshots";
    /**
     * The shape of the state below, as snapshots hold it: count it up with any change of a field here or in the
     * types they hold (CloudServiceSnapshotTest says when), and older snapshots are passed over.
     */
    public static final String STATE_REVISION = "2";

    @AggregateIdentifier
    private CloudServiceId id;
    private Phase phase;
    private boolean decommissioned;
    /** Registered by mistake and archived: takes no further command. */
    private boolean archived;
    private Classification classification;
    /** What was registered about the service, as corrected since. */
    private Details details;
    /** Every piece of evidence ever recorded. */
    private final Map<EvidenceId, Evidence> evidence = new HashMap<>();
    private final ComplianceLedger ledger = new ComplianceLedger();
    /** Every residual-risk acceptance proposed, by its id. */
    private final Map<String, Proposal> proposals = new HashMap<>();
    /** Every task given out, by its id. */
    private final Map<String, Task> tasks = new HashMap<>();
    /** The recurring reviews of operation: when each is next due, and whether it is past due already. */
    private final Map<MeasurePhase, ReviewState> reviews = new HashMap<>();
    /** The vendor record the service is linked to, or null while it names its vendor only in words. */
    private VendorId vendorId;
    /** Where its data is, as last declared; null until declared. */
    private DeclaredLocations locations;
    /** The latest copy of each piece of its vendor's evidence it adopted, by the vendor evidence's id. */
    private final Map<String, EvidenceId> adoptions = new HashMap<>();

    protected CloudService() {
        // for Axon: the state is rebuilt from events
    }

    @CommandHandler
    public CloudService(RegisterCloudService command) {
        apply(new CloudServiceRegistered(command.cloudServiceId(), command.name(), command.vendor(),
                command.serviceModel(), command.organisationUnit(), command.owner()));
        if (command.externalKey() != null) {
            apply(new ExternalKeyAssigned(command.cloudServiceId(), command.externalKey()));
        }
    }

    @CommandHandler
    void handle(CorrectServiceDetails command) {
        requireNotDecommissioned();
        List<Violation> violations = new ArrayList<>();
        requireReason(command.reason(), "A correction", violations);
        List<Object> changes = new ArrayList<>();
        String reason = command.reason();
        if (changed(command.name(), details.name())) {
            changes.add(new ServiceRenamed(id, details.name(), command.name(), reason));
        }
        if (changed(command.vendor(), details.vendor())) {
            changes.add(new VendorChanged(id, details.vendor(), command.vendor(), reason));
        }
        if (changed(command.serviceModel(), details.serviceModel())) {
            changes.add(new ServiceModelCorrected(id, details.serviceModel(), command.serviceModel(), reason));
        }
        if (changed(command.organisationUnit(), details.organisationUnit())) {
            changes.add(new ServiceMovedToUnit(id, details.organisationUnit(), command.organisationUnit(), reason));
        }
        if (changed(command.owner(), details.owner())) {
            changes.add(new OwnerChanged(id, details.owner(), command.owner(), reason));
        }
        if (changes.isEmpty()) {
            violations.add(Violation.of("NOTHING_TO_CORRECT", "Every detail given is already as recorded; nothing would change"));
        }
        reject(violations);
        changes.forEach(AggregateLifecycle::apply);
    }

    private static boolean changed(Object wanted, Object recorded) {
        return wanted != null && !wanted.equals(recorded);
    }

    @CommandHandler
    void handle(ArchiveService command) {
        if (archived) {
            reject(Violation.of("SERVICE_ARCHIVED", "The service is archived; nothing more can be recorded"));
        }
        List<Violation> violations = new ArrayList<>();
        requireReason(command.reason(), "Archiving", violations);
        reject(violations);
        apply(new ServiceArchived(id, command.reason()));
    }

    @CommandHandler
    void handle(SetClassification command, MeasureCatalogue catalogue, ReviewSchedules schedules, Clock clock) {
        requireNotDecommissioned();
        reject(command.classification().problems().stream()
                .map(problem -> Violation.of("INVALID_CLASSIFICATION", "The classification's " + problem))
                .toList());
        if (command.classification().equals(classification)) {
            reject(Violation.of("CLASSIFICATION_UNCHANGED", "The classification is already as given; nothing would change"));
        }
        apply(new ClassificationSet(id, command.classification()));
        if (phase == Phase.OPERATE) {
            // a new classification in operation is a changed use: the risk analysis must be updated (measure 42)
            apply(new RiskAnalysisReopened(id, List.of(new MeasurePhase(MeasureId.RISK_ANALYSIS, Phase.OPERATE)),
                    BusinessDates.today(clock), RiskAnalysisReopened.CLASSIFICATION_CHANGED));
            scheduleReviews(catalogue, schedules.current(), BusinessDates.today(clock));
        }
    }

    @CommandHandler
    void handle(RecordEvidence command, MeasureCatalogue catalogue, Clock clock) {
        requireNotDecommissioned();
        EvidenceRules.Decision decision = EvidenceRules.decide(command, classification,
                evidence.containsKey(command.evidenceId()), catalogue);
        reject(decision.violations());
        apply(new EvidenceReceived(id, command.evidenceId(), decision.covers(), command.kind(), command.title(),
                command.issuer(), command.receivedOn(), command.validFrom(), command.validUntil(),
                command.documentSha256(), command.reference()));
        completeTasksOfClosedMeasures(BusinessDates.today(clock));
    }

    @CommandHandler
    void handle(WithdrawEvidence command) {
        requireNotDecommissioned();
        if (recorded(command.evidenceId()).withdrawn()) {
            reject(Violation.of("EVIDENCE_ALREADY_WITHDRAWN", "Evidence " + command.evidenceId() + " is already withdrawn"));
        }
        apply(new EvidenceWithdrawn(id, command.evidenceId(), command.reason()));
    }

    /**
     * Records the lapse once, on or after the day after valid-until; otherwise records nothing, so the
     * sweep may send it as often as it likes. Withdrawn evidence never expires; neither does anything
     * of a decommissioned service.
     *
     * @return whether the expiry was recorded now
     */
    @CommandHandler
    boolean handle(ExpireEvidence command, Clock clock) {
        Evidence lapsing = recorded(command.evidenceId());
        LocalDate today = BusinessDates.today(clock);
        if (decommissioned || archived || lapsing.withdrawn() || lapsing.expired() || lapsing.validUntil() == null
                || !today.isAfter(lapsing.validUntil())) {
            return false;
        }
        apply(new EvidenceExpired(id, command.evidenceId(), ledger.pairsCountedBy(command.evidenceId()),
                lapsing.validUntil().plusDays(1)));
        return true;
    }

    @CommandHandler
    void handle(AttachDocument command) {
        requireNotDecommissioned();
        Evidence target = recorded(command.evidenceId());
        List<Violation> violations = new ArrayList<>();
        if (target.withdrawn()) {
            violations.add(Violation.of("EVIDENCE_WITHDRAWN", "Evidence " + command.evidenceId() + " is withdrawn"));
        }
        if (target.documentAttached()) {
            violations.add(Violation.of("DOCUMENT_ALREADY_ATTACHED", "Evidence " + command.evidenceId()
                    + " already has its document; withdraw the evidence and record it again to change it"));
        }
        if (target.declaredSha256() != null && !target.declaredSha256().equalsIgnoreCase(command.sha256())) {
            violations.add(Violation.of("DOCUMENT_HASH_MISMATCH", "The document's SHA-256 " + command.sha256()
                    + " is not the " + target.declaredSha256() + " declared when the evidence was recorded"));
        }
        reject(violations);
        apply(new DocumentAttached(id, command.evidenceId(), command.sha256(), command.sizeBytes(),
                command.fileName(), command.mediaType()));
    }

    @CommandHandler
    void handle(ProposeRiskAcceptance command, MeasureCatalogue catalogue, RiskAcceptancePolicy policy, Clock clock) {
        requireNotDecommissioned();
        List<Violation> violations = new ArrayList<>();
        MeasurePhase pair = new MeasurePhase(command.measureId(), command.phase());
        requireClassified("a risk is accepted", violations);
        Optional<Measure> measure = applicableMeasure(catalogue, command.measureId(), violations);
        if (measure.isPresent()) {
            if (!measure.get().canBeRiskAccepted()) {
                violations.add(new Violation("MEASURE_MUST_BE_DONE", "Measure " + command.measureId()
                        + " must be done; its risk cannot be accepted instead", List.of(pair)));
            }
            if (!measure.get().belongsTo(command.phase())) {
                // the phases it does belong to, so that the refusal can say which to choose
                violations.add(new Violation("MEASURE_NOT_IN_PHASES", "Measure " + command.measureId()
                        + " does not belong to phase " + command.phase() + " (it belongs to "
                        + measure.get().phasesInOrder() + ")", measure.get().measurePhases()));
            }
        }
        requireText(command.residualRisk(), "RESIDUAL_RISK_REQUIRED", "The risk that remains must be described", violations);
        requireText(command.motivation(), "MOTIVATION_REQUIRED",
                "Why the measure cannot take the risk further must be given", violations);
        LocalDate today = BusinessDates.today(clock);
        if (command.validUntil() == null) {
            violations.add(Violation.of("END_DATE_REQUIRED", "An acceptance needs an end date, at the latest "
                    + policy.latestEnd(today) + "; renewing it takes a new approval"));
        } else if (command.validUntil().isBefore(today)) {
            violations.add(Violation.of("ACCEPTANCE_ALREADY_ENDED",
                    "The acceptance would end on " + command.validUntil() + ", before today " + today));
        } else if (command.validUntil().isAfter(policy.latestEnd(today))) {
            violations.add(Violation.of("ACCEPTANCE_TOO_LONG", "The acceptance would end on " + command.validUntil()
                    + ", more than " + policy.longest() + " ahead; the latest end is " + policy.latestEnd(today)));
        }
        if (proposals.containsKey(command.proposalId())) {
            violations.add(Violation.of("PROPOSAL_EXISTS", "Proposal " + command.proposalId() + " is already recorded"));
        }
        proposals.values().stream().filter(p -> p.pair().equals(pair) && p.state() == ProposalState.PENDING).findFirst()
                .ifPresent(pending -> violations.add(new Violation("PROPOSAL_PENDING", "Measure " + command.measureId()
                        + " in phase " + command.phase() + " already has a proposal waiting for the risk owner ("
                        + pending.proposalId() + ")", List.of(pair))));
        reject(violations);
        apply(new RiskAcceptanceProposed(id, command.proposalId(), command.measureId(), command.phase(),
                command.residualRisk(), command.motivation(), command.validUntil(), command.proposedBy(), today));
    }

    @CommandHandler
    void handle(ApproveRiskAcceptance command, MeasureCatalogue catalogue, Clock clock) {
        requireNotDecommissioned();
        Proposal proposal = pending(command.proposalId(), command.approvedBy(), "approve");
        List<Violation> violations = new ArrayList<>();
        // the classification may have changed since the proposal
        applicableMeasure(catalogue, proposal.pair().measureId(), violations);
        LocalDate today = BusinessDates.today(clock);
        if (proposal.validUntil().isBefore(today)) {
            violations.add(Violation.of("ACCEPTANCE_ALREADY_ENDED", "The proposed acceptance ended on "
                    + proposal.validUntil() + ", before today " + today + "; it can only be rejected"));
        }
        reject(violations);
        apply(new RiskAcceptanceApproved(id, proposal.proposalId(), proposal.pair().measureId(), proposal.pair().phase(),
                proposal.residualRisk(), proposal.motivation(), proposal.proposedBy(), command.approvedBy(), today,
                proposal.validUntil(), blankToNull(command.note())));
        completeTasksOfDecidedProposal(proposal.proposalId(), today);
        completeTasksOfClosedMeasures(today);
    }

    @CommandHandler
    void handle(RejectRiskAcceptance command, Clock clock) {
        requireNotDecommissioned();
        Proposal proposal = pending(command.proposalId(), command.rejectedBy(), "reject");
        List<Violation> violations = new ArrayList<>();
        requireReason(command.reason(), "A rejection", violations);
        reject(violations);
        apply(new RiskAcceptanceRejected(id, proposal.proposalId(), proposal.pair().measureId(), proposal.pair().phase(),
                command.rejectedBy(), BusinessDates.today(clock), command.reason()));
        completeTasksOfDecidedProposal(proposal.proposalId(), BusinessDates.today(clock));
    }

    @CommandHandler
    void handle(AssignTask command, MeasureCatalogue catalogue, Clock clock) {
        requireNotDecommissioned();
        LocalDate today = BusinessDates.today(clock);
        List<Violation> violations = new ArrayList<>();
        requireText(command.assignee(), "ASSIGNEE_REQUIRED", "Name the person the task is given to", violations);
        requireDue(command.dueOn(), today, violations);
        boolean aboutMeasure = command.measureId() != null || command.phase() != null;
        boolean aboutProposal = command.proposalId() != null;
        if (aboutMeasure == aboutProposal || (aboutMeasure && (command.measureId() == null || command.phase() == null))) {
            violations.add(Violation.of("TASK_SUBJECT_REQUIRED",
                    "A task is about either a measure in a phase or a proposal waiting for the risk owner"));
        } else if (aboutMeasure) {
            MeasurePhase pair = new MeasurePhase(command.measureId(), command.phase());
            Classification basis = classification == null ? Classification.UNCLASSIFIED : classification;
            if (!catalogue.applicablePairs(basis, command.phase()).contains(pair)) {
                violations.add(new Violation("MEASURE_NOT_APPLICABLE", "Measure " + command.measureId()
                        + " does not apply to the service in phase " + command.phase(), List.of(pair)));
            } else if (!ledger.statusOn(pair, today).isOpen()) {
                violations.add(new Violation("MEASURE_NOT_OPEN", "Measure " + command.measureId() + " in phase "
                        + command.phase() + " is " + ledger.statusOn(pair, today) + "; only open work is given out", List.of(pair)));
            }
        } else {
            Proposal proposal = proposals.get(command.proposalId());
            if (proposal == null) {
                throw new UnknownProposalException(id, command.proposalId());
            }
            if (proposal.state() != ProposalState.PENDING) {
                violations.add(new Violation("PROPOSAL_DECIDED", "Proposal " + command.proposalId() + " is already decided",
                        List.of(proposal.pair())));
            }
        }
        tasks.values().stream().filter(t -> t.open() && t.about(command)).findFirst().ifPresent(t -> violations.add(
                Violation.of("TASK_EXISTS", "Task " + t.taskId() + " for it is already given to " + t.assignee()
                        + "; reassign that one instead")));
        if (tasks.containsKey(command.taskId())) {
            violations.add(Violation.of("TASK_EXISTS", "Task " + command.taskId() + " is already recorded"));
        }
        reject(violations);
        apply(new TaskAssigned(id, command.taskId(), command.measureId(), command.phase(), command.proposalId(),
                command.assignee().strip(), command.dueOn(), blankToNull(command.note())));
    }

    @CommandHandler
    void handle(ReassignTask command, Clock clock) {
        requireNotDecommissioned();
        Task task = openTask(command.taskId());
        LocalDate today = BusinessDates.today(clock);
        List<Violation> violations = new ArrayList<>();
        requireText(command.assignee(), "ASSIGNEE_REQUIRED", "Name the person the task is given to", violations);
        requireDue(command.dueOn(), today, violations);
        if (violations.isEmpty() && command.assignee().strip().equals(task.assignee()) && command.dueOn().equals(task.dueOn())) {
            violations.add(Violation.of("NOTHING_TO_CHANGE", "The task is already given to " + task.assignee()
                    + ", due on " + task.dueOn()));
        }
        reject(violations);
        apply(new TaskReassigned(id, task.taskId(), task.assignee(), command.assignee().strip(), task.dueOn(), command.dueOn(),
                blankToNull(command.note())));
    }

    @CommandHandler
    void handle(CompleteTask command, Clock clock) {
        requireNotDecommissioned();
        Task task = openTask(command.taskId());
        apply(new TaskCompleted(id, task.taskId(), BusinessDates.today(clock), TaskCompleted.MARKED_DONE,
                blankToNull(command.note())));
    }

    private Task openTask(String taskId) {
        Task task = tasks.get(taskId);
        if (task == null) {
            throw new UnknownTaskException(id, taskId);
        }
        if (!task.open()) {
            reject(Violation.of("TASK_COMPLETED", "Task " + taskId + " is already done"));
        }
        return task;
    }

    private static void requireDue(LocalDate dueOn, LocalDate today, List<Violation> violations) {
        if (dueOn == null) {
            violations.add(Violation.of("DUE_DATE_REQUIRED", "A task needs the date it is due"));
        } else if (dueOn.isBefore(today)) {
            violations.add(Violation.of("DUE_DATE_PASSED", "The due date " + dueOn + " is before today " + today));
        }
    }

    /** Tasks about measures that are no longer open today are done: the work they asked for is recorded. */
    private void completeTasksOfClosedMeasures(LocalDate today) {
        tasks.values().stream()
                .filter(t -> t.open() && t.pair() != null && !ledger.statusOn(t.pair(), today).isOpen())
                .map(Task::taskId).sorted().toList()
                .forEach(taskId -> apply(new TaskCompleted(id, taskId, today, TaskCompleted.MEASURE_CLOSED, null)));
    }

    private void completeTasksOfDecidedProposal(String proposalId, LocalDate today) {
        tasks.values().stream()
                .filter(t -> t.open() && proposalId.equals(t.proposalId()))
                .map(Task::taskId).sorted().toList()
                .forEach(taskId -> apply(new TaskCompleted(id, taskId, today, TaskCompleted.PROPOSAL_DECIDED, null)));
    }

    /**
     * Records the end once, on or after the day after the acceptance's last day; otherwise records
     * nothing, so the sweep may send it as often as it likes.
     *
     * @return whether the end was recorded now
     */
    @CommandHandler
    boolean handle(EndRiskAcceptance command, Clock clock) {
        Proposal proposal = proposals.get(command.proposalId());
        if (proposal == null) {
            throw new UnknownProposalException(id, command.proposalId());
        }
        LocalDate today = BusinessDates.today(clock);
        if (decommissioned || archived || proposal.state() != ProposalState.APPROVED
                || !today.isAfter(proposal.validUntil())) {
            return false;
        }
        apply(new RiskAcceptanceEnded(id, proposal.proposalId(), proposal.pair().measureId(), proposal.pair().phase(),
                proposal.validUntil().plusDays(1)));
        return true;
    }

    /** The proposal, if it waits for a decision and the one deciding is not the one who proposed it. */
    private Proposal pending(String proposalId, String decidedBy, String decision) {
        Proposal proposal = proposals.get(proposalId);
        if (proposal == null) {
            throw new UnknownProposalException(id, proposalId);
        }
        List<Violation> violations = new ArrayList<>();
        if (proposal.state() != ProposalState.PENDING) {
            violations.add(new Violation("PROPOSAL_DECIDED", "Proposal " + proposalId + " is already "
                    + proposal.state().name().toLowerCase(java.util.Locale.ROOT) + "; only a new proposal can be decided",
                    List.of(proposal.pair())));
        }
        if (decidedBy == null || decidedBy.equals(proposal.proposedBy())) {
            violations.add(new Violation("DECIDER_IS_PROPOSER", "The risk owner who decides must be someone else than "
                    + proposal.proposedBy() + ", who proposed it; nobody may " + decision + " their own proposal",
                    List.of(proposal.pair())));
        }
        reject(violations);
        return proposal;
    }

    @CommandHandler
    void handle(RevokeRiskAcceptance command) {
        requireNotDecommissioned();
        List<Violation> violations = new ArrayList<>();
        MeasurePhase pair = new MeasurePhase(command.measureId(), command.phase());
        requireReason(command.reason(), "A revocation", violations);
        if (!ledger.riskAcceptedOnOrAfter(pair, command.revokedFrom())) {
            violations.add(new Violation("NO_ACCEPTANCE_TO_REVOKE", "No risk acceptance of measure " + command.measureId()
                    + " in phase " + command.phase() + " counts on or after " + command.revokedFrom(), List.of(pair)));
        }
        reject(violations);
        apply(new RiskAcceptanceRevoked(id, command.measureId(), command.phase(), command.revokedFrom(), command.reason()));
    }

    @CommandHandler
    void handle(StartOperation command, MeasureCatalogue catalogue, ReviewSchedules schedules, Clock clock) {
        requireNotDecommissioned();
        requirePhase(Phase.ACQUIRE, "start operation");
        List<Violation> unclassified = new ArrayList<>();
        requireClassified("it goes into operation", unclassified);
        reject(unclassified);
        LocalDate today = BusinessDates.today(clock);
        requireAllClosed(catalogue, Phase.ACQUIRE, today, "ACQUIRE_MEASURES_OPEN",
                "Operation cannot start while acquisition measures are neither covered nor risk-accepted");
        apply(new OperationStarted(id, today));
        scheduleReviews(catalogue, schedules.current(), today);
    }

    /** Each recurring review of operation that applies and has no date yet is due one interval from today. */
    private void scheduleReviews(MeasureCatalogue catalogue, ReviewSchedule schedule, LocalDate today) {
        List<MeasurePhase> applicable = catalogue.applicablePairs(classification, Phase.OPERATE);
        schedule.pairsOf(Phase.OPERATE).stream()
                .filter(pair -> applicable.contains(pair) && !reviews.containsKey(pair))
                .forEach(pair -> apply(new ReviewScheduled(id, pair.measureId(), pair.phase(),
                        schedule.nextDue(pair, today).orElseThrow())));
    }

    @CommandHandler
    void handle(RecordReview command, MeasureCatalogue catalogue, ReviewSchedules schedules, Clock clock) {
        requireNotDecommissioned();
        ReviewSchedule schedule = schedules.current();
        requirePhase(Phase.OPERATE, "record a review");
        MeasurePhase pair = new MeasurePhase(command.measureId(), command.phase());
        List<Violation> violations = new ArrayList<>();
        if (schedule.entry(pair).isEmpty()) {
            violations.add(new Violation("REVIEW_NOT_SCHEDULED", "Measure " + command.measureId() + " in phase "
                    + command.phase() + " has no recurring review", List.of(pair)));
        } else if (!catalogue.applicablePairs(classification, command.phase()).contains(pair)) {
            violations.add(new Violation("MEASURE_NOT_APPLICABLE", "Measure " + command.measureId()
                    + " does not apply to the service in phase " + command.phase(), List.of(pair)));
        }
        if (command.outcome() == null) {
            violations.add(Violation.of("OUTCOME_REQUIRED", "Say what the review found: OK or ACTION_NEEDED"));
        }
        reject(violations);
        LocalDate today = BusinessDates.today(clock);
        apply(new ReviewRecorded(id, command.measureId(), command.phase(), today, command.outcome(),
                blankToNull(command.note()), blankToNull(command.reference()), command.reviewer(),
                schedule.nextDue(pair, today).orElseThrow()));
        completeTasksOfClosedMeasures(today);
    }

    /**
     * Records, once, that a review was not done by its due date, on or after the day after it; otherwise
     * records nothing, so the sweep may send it as often as it likes.
     *
     * @return whether it was recorded now
     */
    @CommandHandler
    boolean handle(MarkReviewDue command, Clock clock) {
        MeasurePhase pair = new MeasurePhase(command.measureId(), command.phase());
        ReviewState review = reviews.get(pair);
        LocalDate today = BusinessDates.today(clock);
        if (decommissioned || archived || phase != Phase.OPERATE || review == null || review.pastDue()
                || !today.isAfter(review.dueOn())) {
            return false;
        }
        apply(new ReviewFellDue(id, pair.measureId(), pair.phase(), review.dueOn().plusDays(1)));
        return true;
    }

    @CommandHandler
    void handle(LinkVendor command, VendorRecords vendors) {
        requireNotDecommissioned();
        List<Violation> violations = new ArrayList<>();
        requireReason(command.reason(), "Linking a vendor", violations);
        Optional<VendorRecord> vendor = command.vendorId() == null ? Optional.empty() : vendors.find(command.vendorId());
        if (vendor.isEmpty()) {
            violations.add(Violation.of("UNKNOWN_VENDOR", "There is no vendor " + command.vendorId()));
        } else if (vendor.get().id().equals(vendorId)) {
            violations.add(Violation.of("VENDOR_LINKED_ALREADY", "The service is linked to " + vendor.get().details().name() + " already"));
        }
        if (locations != null && !locations.subProcessorIds().isEmpty() && vendorId != null && !vendorId.equals(command.vendorId())) {
            violations.add(Violation.of("SUB_PROCESSORS_DECLARED", "The service's locations name the present vendor's sub-processors;"
                    + " declare its locations again without them before linking another vendor"));
        }
        reject(violations);
        apply(new VendorLinked(id, vendorId, command.vendorId(), vendor.get().details().name(), command.reason().strip()));
    }

    /**
     * Adopts evidence recorded on the linked vendor: recorded as this service's own evidence (an EvidenceReceived,
     * judged by the same rules as any other), with the adoption beside it naming where it comes from.
     */
    @CommandHandler
    void handle(se.molnkoll.kernel.command.AdoptVendorEvidence command, VendorRecords vendors, MeasureCatalogue catalogue,
                Clock clock) {
        requireNotDecommissioned();
        Optional<VendorRecord> vendor = vendorId == null ? Optional.empty() : vendors.find(vendorId);
        if (vendor.isEmpty()) {
            reject(Violation.of("VENDOR_NOT_LINKED", "Evidence at a vendor is adopted by its services: link the service to its vendor first"));
        }
        se.molnkoll.kernel.vendor.VendorEvidence at = vendor.get().evidence().get(command.vendorEvidenceId());
        if (at == null) {
            reject(Violation.of("UNKNOWN_VENDOR_EVIDENCE", vendor.get().details().name() + " has no evidence " + command.vendorEvidenceId()));
        }
        if (vendor.get().withdrawn(command.vendorEvidenceId())) {
            reject(Violation.of("VENDOR_EVIDENCE_WITHDRAWN", "Evidence " + command.vendorEvidenceId() + " is withdrawn at the vendor"));
        }
        EvidenceId evidenceId = command.evidenceId();
        EvidenceId current = adoptions.get(command.vendorEvidenceId());
        if (current != null && !recorded(current).withdrawn()) {
            reject(Violation.of("EVIDENCE_ADOPTED_ALREADY", "The service has adopted evidence " + command.vendorEvidenceId() + " already"));
        }
        String reference = vendor.get().details().name() + ": " + at.scope() + (at.reference() == null ? "" : " (" + at.reference() + ")");
        RecordEvidence copy = new RecordEvidence(id, evidenceId, command.measureIds(), command.phases(), at.kind(), at.title(),
                at.issuer(), at.receivedOn(), at.validFrom(), at.validUntil(), null,
                reference.length() > 4000 ? reference.substring(0, 4000) : reference);
        EvidenceRules.Decision decision = EvidenceRules.decide(copy, classification, evidence.containsKey(evidenceId), catalogue);
        reject(decision.violations());
        apply(new se.molnkoll.kernel.event.VendorEvidenceAdopted(id, evidenceId, vendorId, command.vendorEvidenceId(), decision.covers()));
        apply(new EvidenceReceived(id, evidenceId, decision.covers(), copy.kind(), copy.title(), copy.issuer(), copy.receivedOn(),
                copy.validFrom(), copy.validUntil(), null, copy.reference()));
        completeTasksOfClosedMeasures(BusinessDates.today(clock));
    }

    @CommandHandler
    void handle(DeclareLocations command, VendorRecords vendors, Clock clock) {
        requireNotDecommissioned();
        DeclaredLocations declared = command.locations();
        List<Violation> violations = new ArrayList<>(declared.problems().stream()
                .map(p -> Violation.of(p.rule(), p.message())).toList());
        if (declared.declaredOn() != null && declared.declaredOn().isAfter(BusinessDates.today(clock))) {
            violations.add(Violation.of("DECLARED_ON_IN_FUTURE", "Locations cannot be declared in the future: " + declared.declaredOn()));
        }
        if (!declared.subProcessorIds().isEmpty()) {
            Optional<VendorRecord> vendor = vendorId == null ? Optional.empty() : vendors.find(vendorId);
            if (vendor.isEmpty()) {
                violations.add(Violation.of("VENDOR_NOT_LINKED", "Sub-processors are the vendor record's: link the service to its vendor first"));
            } else {
                declared.subProcessorIds().stream().filter(s -> !vendor.get().subProcessors().containsKey(s)).forEach(s -> violations.add(
                        Violation.of("UNKNOWN_SUB_PROCESSOR", vendor.get().details().name() + " engages no sub-processor " + s)));
            }
        }
        DeclaredLocations normalised = new DeclaredLocations(declared.storageCountries().stream().distinct().toList(),
                declared.processingCountries().stream().distinct().toList(), declared.subProcessorIds().stream().distinct().toList(),
                declared.declaredOn(), declared.evidence() == null ? null : declared.evidence().strip());
        if (violations.isEmpty() && normalised.equals(locations)) {
            violations.add(Violation.of("NOTHING_TO_CHANGE", "The locations are declared as given already"));
        }
        reject(violations);
        apply(new LocationsDeclared(id, normalised));
    }

    @CommandHandler
    void handle(RecordProviderChange command) {
        requireNotDecommissioned();
        requirePhase(Phase.OPERATE, "record a provider change");
        apply(new ProviderChangeRecorded(id, command.description(), command.changedOn(),
                List.of(new MeasurePhase(MeasureId.RISK_ANALYSIS, Phase.OPERATE))));
    }

    @CommandHandler
    void handle(TerminateContract command) {
        requireNotDecommissioned();
        if (phase == Phase.EXIT) {
            reject(Violation.of("ALREADY_TERMINATED", "The contract is already terminated"));
        }
        apply(new ContractTerminated(id, command.terminatedOn(), command.reason()));
    }

    @CommandHandler
    void handle(Decommission command, MeasureCatalogue catalogue, Clock clock) {
        requireNotDecommissioned();
        requirePhase(Phase.EXIT, "decommission it");
        LocalDate today = BusinessDates.today(clock);
        requireAllClosed(catalogue, Phase.EXIT, today, "EXIT_MEASURES_OPEN",
                "The service cannot be decommissioned while exit measures are neither covered nor risk-accepted");
        apply(new ServiceDecommissioned(id, today));
    }

    @EventSourcingHandler
    void on(CloudServiceRegistered event) {
        id = event.cloudServiceId();
        phase = Phase.ACQUIRE;
        details = new Details(event.name(), event.vendor(), event.serviceModel(), event.organisationUnit(), event.owner());
    }

    @EventSourcingHandler
    void on(VendorLinked event) {
        vendorId = event.vendorId();
    }

    @EventSourcingHandler
    void on(se.molnkoll.kernel.event.VendorEvidenceAdopted event) {
        adoptions.put(event.vendorEvidenceId(), event.evidenceId());
    }

    @EventSourcingHandler
    void on(LocationsDeclared event) {
        locations = event.locations();
    }

    @EventSourcingHandler
    void on(ClassificationSet event) {
        classification = event.classification();
    }

    @EventSourcingHandler
    void on(EvidenceReceived event) {
        Validity validity = event.validity();
        evidence.put(event.evidenceId(), Evidence.received(validity.until(), event.documentSha256()));
        ledger.addEvidence(event.evidenceId(), event.covers(), validity);
    }

    @EventSourcingHandler
    void on(EvidenceWithdrawn event) {
        evidence.computeIfPresent(event.evidenceId(), (evidenceId, e) -> e.markWithdrawn());
        ledger.removeEvidence(event.evidenceId());
    }

    /** The ledger needs nothing: the evidence's validity already says it has lapsed. */
    @EventSourcingHandler
    void on(EvidenceExpired event) {
        evidence.computeIfPresent(event.evidenceId(), (evidenceId, e) -> e.markExpired());
    }

    @EventSourcingHandler
    void on(DocumentAttached event) {
        evidence.computeIfPresent(event.evidenceId(), (evidenceId, e) -> e.markDocumentAttached());
    }

    @EventSourcingHandler
    void on(ResidualRiskAccepted event) {
        ledger.acceptRisk(new MeasurePhase(event.measureId(), event.phase()), event.validity());
    }

    @EventSourcingHandler
    void on(RiskAcceptanceProposed event) {
        proposals.put(event.proposalId(), new Proposal(event.proposalId(), new MeasurePhase(event.measureId(), event.phase()),
                event.residualRisk(), event.motivation(), event.validUntil(), event.proposedBy(), ProposalState.PENDING));
    }

    @EventSourcingHandler
    void on(RiskAcceptanceApproved event) {
        proposals.computeIfPresent(event.proposalId(), (proposalId, p) -> p.in(ProposalState.APPROVED));
        ledger.acceptRisk(new MeasurePhase(event.measureId(), event.phase()), event.validity());
    }

    @EventSourcingHandler
    void on(RiskAcceptanceRejected event) {
        proposals.computeIfPresent(event.proposalId(), (proposalId, p) -> p.in(ProposalState.REJECTED));
    }

    /** The ledger needs nothing: the acceptance's validity already says it has ended. */
    @EventSourcingHandler
    void on(RiskAcceptanceEnded event) {
        proposals.computeIfPresent(event.proposalId(), (proposalId, p) -> p.in(ProposalState.ENDED));
    }

    @EventSourcingHandler
    void on(ReviewScheduled event) {
        reviews.put(new MeasurePhase(event.measureId(), event.phase()), new ReviewState(event.dueOn(), false));
    }

    @EventSourcingHandler
    void on(ReviewFellDue event) {
        MeasurePhase pair = new MeasurePhase(event.measureId(), event.phase());
        reviews.computeIfPresent(pair, (p, r) -> new ReviewState(r.dueOn(), true));
        ledger.reviewFellDue(pair, event.from());
    }

    @EventSourcingHandler
    void on(ReviewRecorded event) {
        MeasurePhase pair = new MeasurePhase(event.measureId(), event.phase());
        reviews.put(pair, new ReviewState(event.nextDueOn(), false));
        ledger.reviewed(pair, event.reviewedOn());
    }

    @EventSourcingHandler
    void on(TaskAssigned event) {
        tasks.put(event.taskId(), new Task(event.taskId(), event.measureId() == null ? null
                : new MeasurePhase(event.measureId(), event.phase()), event.proposalId(), event.assignee(), event.dueOn(), true));
    }

    @EventSourcingHandler
    void on(TaskReassigned event) {
        tasks.computeIfPresent(event.taskId(), (taskId, t) -> new Task(taskId, t.pair(), t.proposalId(), event.assignee(),
                event.dueOn(), true));
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        tasks.computeIfPresent(event.taskId(), (taskId, t) -> new Task(taskId, t.pair(), t.proposalId(), t.assignee(),
                t.dueOn(), false));
    }

    @EventSourcingHandler
    void on(ServiceRenamed event) {
        details = details.withName(event.after());
    }

    @EventSourcingHandler
    void on(VendorChanged event) {
        details = details.withVendor(event.after());
    }

    @EventSourcingHandler
    void on(ServiceModelCorrected event) {
        details = details.withServiceModel(event.after());
    }

    @EventSourcingHandler
    void on(ServiceMovedToUnit event) {
        details = details.withOrganisationUnit(event.after());
    }

    @EventSourcingHandler
    void on(OwnerChanged event) {
        details = details.withOwner(event.after());
    }

    @EventSourcingHandler
    void on(RiskAcceptanceRevoked event) {
        MeasurePhase pair = new MeasurePhase(event.measureId(), event.phase());
        ledger.revokeRisk(pair, event.revokedFrom());
        // an approved acceptance revoked before its end no longer reaches it: no end is recorded for it
        proposals.replaceAll((proposalId, p) -> p.pair().equals(pair) && p.state() == ProposalState.APPROVED
                && !p.validUntil().isBefore(event.revokedFrom()) ? p.in(ProposalState.SET_ASIDE) : p);
    }

    @EventSourcingHandler
    void on(OperationStarted event) {
        phase = Phase.OPERATE;
    }

    @EventSourcingHandler
    void on(ProviderChangeRecorded event) {
        reopen(event.reopened());
    }

    @EventSourcingHandler
    void on(RiskAnalysisReopened event) {
        reopen(event.reopened());
    }

    private void reopen(List<MeasurePhase> pairs) {
        pairs.forEach(ledger::reopen);
        proposals.replaceAll((proposalId, p) -> pairs.contains(p.pair()) && p.state() == ProposalState.APPROVED
                ? p.in(ProposalState.SET_ASIDE) : p);
    }

    @EventSourcingHandler
    void on(ContractTerminated event) {
        phase = Phase.EXIT;
    }

    @EventSourcingHandler
    void on(ServiceArchived event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(ServiceDecommissioned event) {
        decommissioned = true;
    }

    /** For tests that check state no command exposes (e.g. what a provider change re-opened). */
    MeasureStatus statusOn(MeasurePhase pair, LocalDate day) {
        return ledger.statusOn(pair, day);
    }

    private void requireAllClosed(MeasureCatalogue catalogue, Phase measuresPhase, LocalDate today,
                                  String rule, String message) {
        Classification basis = classification == null ? Classification.UNCLASSIFIED : classification;
        List<MeasurePhase> open = catalogue.applicablePairs(basis, measuresPhase).stream()
                .filter(pair -> ledger.statusOn(pair, today).isOpen())
                .toList();
        if (!open.isEmpty()) {
            String listed = open.stream()
                    .map(pair -> pair.measureId() + " (" + describe(ledger.statusOn(pair, today)) + ")")
                    .collect(Collectors.joining(", "));
            reject(new Violation(rule, message + ": " + listed, open));
        }
    }

    private static String describe(MeasureStatus status) {
        return status == MeasureStatus.EXPIRED ? "evidence expired" : "open";
    }

    private Evidence recorded(EvidenceId evidenceId) {
        Evidence recorded = evidence.get(evidenceId);
        if (recorded == null) {
            throw new UnknownEvidenceException(id, evidenceId);
        }
        return recorded;
    }

    private void requireClassified(String before, List<Violation> violations) {
        if (classification == null) {
            violations.add(Violation.of("NOT_CLASSIFIED", "The service must be classified (measure 24) before " + before));
        }
    }

    private Optional<Measure> applicableMeasure(MeasureCatalogue catalogue, MeasureId measureId, List<Violation> violations) {
        return EvidenceRules.applicableMeasure(catalogue, measureId, classification, violations);
    }

    /** What changes or ends a record says why, for the history. */
    private static void requireReason(String reason, String what, List<Violation> violations) {
        if (reason == null || reason.isBlank()) {
            violations.add(Violation.of("REASON_REQUIRED", what + " needs a reason, for the history"));
        }
    }

    /** Every command but archiving needs a service neither archived nor decommissioned. */
    private void requireNotDecommissioned() {
        if (archived) {
            reject(Violation.of("SERVICE_ARCHIVED", "The service is archived as registered by mistake; nothing more can be recorded"));
        }
        if (decommissioned) {
            reject(Violation.of("SERVICE_DECOMMISSIONED", "The service is decommissioned; nothing more can be recorded"));
        }
    }

    private void requirePhase(Phase required, String action) {
        if (phase != required) {
            reject(Violation.of("WRONG_PHASE", "The service is in phase " + phase + "; to " + action
                    + " it must be in phase " + required));
        }
    }

    private static void reject(Violation violation) {
        throw new RuleViolationException(violation);
    }

    private static void reject(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /** What was registered about the service, as corrected since: what a correction is compared with. */
    private record Details(String name, String vendor, ServiceModel serviceModel, String organisationUnit, String owner) {
        Details withName(String v) { return new Details(v, vendor, serviceModel, organisationUnit, owner); }
        Details withVendor(String v) { return new Details(name, v, serviceModel, organisationUnit, owner); }
        Details withServiceModel(ServiceModel v) { return new Details(name, vendor, v, organisationUnit, owner); }
        Details withOrganisationUnit(String v) { return new Details(name, vendor, serviceModel, v, owner); }
        Details withOwner(String v) { return new Details(name, vendor, serviceModel, organisationUnit, v); }
    }

    private static void requireText(String text, String rule, String message, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(Violation.of(rule, message));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private enum ProposalState {
        PENDING, APPROVED, REJECTED,
        /** Approved, and no longer counting before its end: revoked, or its measure re-opened. */
        SET_ASIDE,
        ENDED
    }

    /** What the aggregate needs to know about a residual-risk acceptance proposed, to decide on it and end it. */
    private record Proposal(String proposalId, MeasurePhase pair, String residualRisk, String motivation,
                            LocalDate validUntil, String proposedBy, ProposalState state) {
        Proposal in(ProposalState next) {
            return new Proposal(proposalId, pair, residualRisk, motivation, validUntil, proposedBy, next);
        }
    }

    /** A recurring review: due by {@code dueOn}; {@code pastDue} once its lapse is recorded. */
    private record ReviewState(LocalDate dueOn, boolean pastDue) {
    }

    /** A task given out: about a measure in a phase, or about a proposal. */
    private record Task(String taskId, MeasurePhase pair, String proposalId, String assignee, LocalDate dueOn, boolean open) {
        boolean about(AssignTask command) {
            return command.proposalId() != null ? command.proposalId().equals(proposalId)
                    : pair != null && pair.measureId().equals(command.measureId()) && pair.phase() == command.phase();
        }
    }

    /** What the aggregate needs to know about one piece of evidence to decide. */
    private record Evidence(LocalDate validUntil, String declaredSha256, boolean withdrawn, boolean expired,
                            boolean documentAttached) {

        static Evidence received(LocalDate validUntil, String declaredSha256) {
            return new Evidence(validUntil, declaredSha256, false, false, false);
        }

        Evidence markWithdrawn() {
            return new Evidence(validUntil, declaredSha256, true, expired, documentAttached);
        }

        Evidence markExpired() {
            return new Evidence(validUntil, declaredSha256, withdrawn, true, documentAttached);
        }

        Evidence markDocumentAttached() {
            return new Evidence(validUntil, declaredSha256, withdrawn, expired, true);
        }
    }
}
