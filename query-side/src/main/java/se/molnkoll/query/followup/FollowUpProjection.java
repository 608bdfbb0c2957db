package se.molnkoll.query.followup;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.event.RiskAcceptanceApproved;
import se.molnkoll.kernel.event.RiskAcceptanceProposed;
import se.molnkoll.kernel.event.RiskAcceptanceRejected;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.event.TaskAssigned;
import se.molnkoll.kernel.event.ReviewFellDue;
import se.molnkoll.kernel.event.ReviewRecorded;
import se.molnkoll.kernel.event.ReviewScheduled;
import se.molnkoll.kernel.event.TaskCompleted;
import se.molnkoll.kernel.event.TaskReassigned;
import org.axonframework.messaging.annotation.MetaDataValue;
import se.molnkoll.kernel.query.RiskProposalView;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.persistence.ReadModelTables;

import java.time.Instant;

/**
 * Keeps every residual-risk proposal, one version per decision; every task given out, and every recurring
 * review, one version per change. Part of the register's processor: they need the register's names beside them, and are as small.
 */
@Component
@ProcessingGroup(ReadModels.REGISTER)
public class FollowUpProjection {

    private final RiskProposalEntries proposals;
    private final TaskEntries tasks;
    private final ScheduledReviewEntries reviews;
    @PersistenceContext
    private EntityManager entityManager;

    public FollowUpProjection(RiskProposalEntries proposals, TaskEntries tasks, ScheduledReviewEntries reviews) {
        this.proposals = proposals;
        this.tasks = tasks;
        this.reviews = reviews;
    }

    @EventHandler
    void on(ReviewScheduled event, @Timestamp Instant at) {
        reviews.save(new ScheduledReviewEntry(event.cloudServiceId().value(), event.measureId(), event.phase(), event.dueOn(), at));
    }

    @EventHandler
    void on(ReviewFellDue event, @Timestamp Instant at) {
        reviews.save(review(event.cloudServiceId().value(), event.measureId().value(), event.phase()).pastDueAt(at, event.from()));
    }

    @EventHandler
    void on(ReviewRecorded event, @Timestamp Instant at) {
        reviews.save(review(event.cloudServiceId().value(), event.measureId().value(), event.phase()).reviewedAt(at,
                event.reviewedOn(), event.outcome().name(), event.note(), event.reference(), event.reviewer(), event.nextDueOn()));
    }

    private ScheduledReviewEntry review(String serviceId, int measureId, se.molnkoll.kernel.Phase phase) {
        return reviews.current(serviceId, measureId, phase).orElseThrow(() -> new IllegalStateException(
                "No recurring review of measure " + measureId + " of " + serviceId + "; its scheduling must be processed first"));
    }

    @EventHandler
    void on(RiskAcceptanceProposed event, @Timestamp Instant at) {
        proposals.save(new RiskProposalEntry(event.proposalId(), event.cloudServiceId().value(), event.measureId(),
                event.phase(), event.residualRisk(), event.motivation(), event.validUntil(), event.proposedBy(),
                event.proposedOn(), at));
    }

    @EventHandler
    void on(RiskAcceptanceApproved event, @Timestamp Instant at) {
        decide(event.proposalId(), at, RiskProposalView.State.APPROVED, event.approvedBy(), event.approvedOn(), event.note());
    }

    @EventHandler
    void on(RiskAcceptanceRejected event, @Timestamp Instant at) {
        decide(event.proposalId(), at, RiskProposalView.State.REJECTED, event.rejectedBy(), event.rejectedOn(), event.reason());
    }

    @EventHandler
    void on(TaskAssigned event, @Timestamp Instant at, @MetaDataValue(EventMetaData.ACTOR) String actor) {
        tasks.save(new TaskEntry(event.taskId(), event.cloudServiceId().value(), event.measureId(), event.phase(),
                event.proposalId(), event.assignee(), event.dueOn(), event.note(), actor, at));
    }

    @EventHandler
    void on(TaskReassigned event, @Timestamp Instant at) {
        tasks.save(task(event.taskId()).reassignedAt(at, event.assignee(), event.dueOn(), event.note()));
    }

    @EventHandler
    void on(TaskCompleted event, @Timestamp Instant at) {
        tasks.save(task(event.taskId()).completedAt(at, event.completedOn(), event.because(), event.note()));
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(entityManager, RiskProposalEntry.class, TaskEntry.class, ScheduledReviewEntry.class);
    }

    private TaskEntry task(String taskId) {
        return tasks.current(taskId).orElseThrow(() -> new IllegalStateException(
                "No task " + taskId + "; its assignment must be processed first"));
    }

    private void decide(String proposalId, Instant at, RiskProposalView.State decision, String by,
                        java.time.LocalDate on, String note) {
        RiskProposalEntry current = proposals.current(proposalId).orElseThrow(() -> new IllegalStateException(
                "No risk proposal " + proposalId + "; its proposal must be processed first"));
        proposals.save(current.decidedAt(at, decision, by, on, note));
    }
}
