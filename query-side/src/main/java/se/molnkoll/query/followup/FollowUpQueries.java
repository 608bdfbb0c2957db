package se.molnkoll.query.followup;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.query.DueAcceptanceEnd;
import se.molnkoll.kernel.query.EndingAcceptance;
import se.molnkoll.kernel.query.FindDueAcceptanceEnds;
import se.molnkoll.kernel.query.FindEndingAcceptances;
import se.molnkoll.kernel.query.FindRiskProposals;
import se.molnkoll.kernel.query.RiskProposalView;
import se.molnkoll.kernel.query.FindTasks;
import se.molnkoll.kernel.query.DueReview;
import se.molnkoll.kernel.query.FindDueReviews;
import se.molnkoll.kernel.query.FindReviews;
import se.molnkoll.kernel.query.ReviewView;
import se.molnkoll.kernel.query.TaskView;
import se.molnkoll.query.measures.RiskAcceptanceEntry;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The risk owner's queue, the acceptances about to end, the ends due today, and the tasks given out. */
@Component
public class FollowUpQueries {

    @PersistenceContext
    private EntityManager entityManager;
    private final RiskProposalEntries proposals;
    private final TaskEntries tasks;
    private final ScheduledReviewEntries reviews;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    public FollowUpQueries(RiskProposalEntries proposals, TaskEntries tasks, ScheduledReviewEntries reviews, Clock clock,
                           PlatformTransactionManager transactions) {
        this.reviews = reviews;
        this.proposals = proposals;
        this.tasks = tasks;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @QueryHandler
    public List<RiskProposalView> handle(FindRiskProposals query) {
        return proposals(query.moment().knownAtOr(VersionedRow.NOW), query.state(),
                query.serviceId() == null ? null : query.serviceId().value());
    }

    /** The proposals in the state (null: all), of the service (null: all), as known at {@code at}, oldest first. */
    public List<RiskProposalView> proposals(Instant at, RiskProposalView.State state, String serviceId) {
        return readOnly.execute(tx -> proposals.at(at, state, serviceId).stream()
                .map(row -> ((RiskProposalEntry) row[0]).view((String) row[1], (String) row[2]))
                .toList());
    }

    @QueryHandler
    public List<TaskView> handle(FindTasks query) {
        return tasks(query.moment().knownAtOr(VersionedRow.NOW), query.moment().day(clock), query.assignee(),
                query.serviceId() == null ? null : query.serviceId().value(), query.openOnly());
    }

    /** The tasks as known at {@code at}, judged for the day: overdue first, then by due date. */
    public List<TaskView> tasks(Instant at, LocalDate day, String assignee, String serviceId, boolean openOnly) {
        return readOnly.execute(tx -> tasks.at(at, assignee, serviceId, openOnly).stream()
                .map(row -> ((TaskEntry) row[0]).view((String) row[1], (String) row[2], day))
                .sorted(java.util.Comparator.comparing(TaskView::done).thenComparing(t -> !t.overdue())
                        .thenComparing(TaskView::dueOn))
                .toList());
    }

    /** The open tasks overdue on the day, per organisation unit, as known at {@code at}. */
    public java.util.Map<String, Long> overduePerUnit(Instant at, LocalDate day) {
        return tasks(at, day, null, null, true).stream().filter(TaskView::overdue).collect(java.util.stream.Collectors
                .groupingBy(TaskView::organisationUnit, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    @QueryHandler
    public List<ReviewView> handle(FindReviews query) {
        return reviews(query.moment().knownAtOr(VersionedRow.NOW), query.serviceId() == null ? null : query.serviceId().value(),
                query.pastDueOnly());
    }

    public List<ReviewView> reviews(Instant at, String serviceId, boolean pastDueOnly) {
        return readOnly.execute(tx -> reviews.at(at, serviceId, pastDueOnly).stream()
                .map(row -> ((ScheduledReviewEntry) row[0]).view((String) row[1], (String) row[2]))
                .toList());
    }

    @QueryHandler
    public List<DueReview> handle(FindDueReviews query) {
        LocalDate today = BusinessDates.today(clock);
        return readOnly.execute(tx -> reviews.due(today, org.springframework.data.domain.PageRequest.of(0, query.limit())).stream()
                .map(row -> new DueReview(CloudServiceId.of((String) row[0]), new se.molnkoll.kernel.MeasureId((Integer) row[1]),
                        (se.molnkoll.kernel.Phase) row[2]))
                .toList());
    }

    @QueryHandler
    public List<EndingAcceptance> handle(FindEndingAcceptances query) {
        return ending(query.moment().knownAtOr(VersionedRow.NOW), query.moment().day(clock), query.withinDays());
    }

    /** The acceptances in force on the day that end within {@code withinDays} of it, as known at {@code at}. */
    public List<EndingAcceptance> ending(Instant at, LocalDate day, int withinDays) {
        return readOnly.execute(tx -> entityManager.createQuery("""
                        select r, s.name, s.organisationUnit from RiskAcceptanceEntry r, CloudServiceEntry s
                        where s.serviceId = r.serviceId and s.decommissioned = false and s.archived = false
                          and r.counts = true and r.validUntil >= :day and r.validUntil <= :latest
                          and r.recordedFrom <= :at and (r.recordedTo is null or r.recordedTo > :at)
                          and s.recordedFrom <= :at and (s.recordedTo is null or s.recordedTo > :at)
                        order by r.validUntil, s.name, r.measureId""", Object[].class)
                .setParameter("day", day)
                .setParameter("latest", day.plusDays(withinDays))
                .setParameter("at", at)
                .getResultList().stream()
                .filter(row -> ((RiskAcceptanceEntry) row[0]).validity().includes(day))
                .map(row -> {
                    RiskAcceptanceEntry r = (RiskAcceptanceEntry) row[0];
                    return new EndingAcceptance(CloudServiceId.of(r.serviceId()), (String) row[1], (String) row[2],
                            r.pair().measureId(), r.pair().phase(), r.validUntil(), r.riskOwner(), r.proposalId());
                })
                .toList());
    }

    @QueryHandler
    public List<DueAcceptanceEnd> handle(FindDueAcceptanceEnds query) {
        LocalDate today = BusinessDates.today(clock);
        return readOnly.execute(tx -> entityManager.createQuery("""
                        select r.serviceId, r.proposalId from RiskAcceptanceEntry r, CloudServiceEntry s
                        where s.serviceId = r.serviceId and r.recordedTo is null and s.recordedTo is null
                          and s.decommissioned = false and s.archived = false and r.counts = true
                          and r.proposalId is not null and r.endedOn is null and r.revokedFrom is null
                          and r.validUntil < :today
                        order by r.validUntil, r.proposalId""", Object[].class)
                .setParameter("today", today)
                .setMaxResults(query.limit())
                .getResultList().stream()
                .map(row -> new DueAcceptanceEnd(CloudServiceId.of((String) row[0]), (String) row[1]))
                .toList());
    }
}
