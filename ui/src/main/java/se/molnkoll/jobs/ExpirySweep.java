package se.molnkoll.jobs;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import se.molnkoll.instance.InstanceRole;
import se.molnkoll.instance.RunsOn;
import se.molnkoll.kernel.command.EndRiskAcceptance;
import se.molnkoll.kernel.command.ExpireEvidence;
import se.molnkoll.kernel.command.MarkReviewDue;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.query.DueAcceptanceEnd;
import se.molnkoll.kernel.query.DueExpiry;
import se.molnkoll.kernel.query.FindDueAcceptanceEnds;
import se.molnkoll.kernel.query.DueReview;
import se.molnkoll.kernel.query.FindDueReviews;
import se.molnkoll.kernel.query.FindDueExpiries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every half minute (molnkoll.expiry.sweep-interval), and shortly after start, asks which evidence
 * has passed its valid-until date without its expiry recorded, and sends ExpireEvidence for each; then
 * which approved residual-risk acceptances have passed their last day without their end recorded, and
 * sends EndRiskAcceptance for each; then which recurring reviews of services in operation passed their due
 * date, and sends MarkReviewDue for each.
 *
 * <p>Why a sweep and not scheduled deadlines: "today" comes from the injected clock, the only
 * timeline that tests and the business agree on; a deadline scheduler fires on its own wall clock.
 * The sweep is safe to run anywhere, any number of times: the aggregate records an expiry only once,
 * and two instances racing for the same one collide on the event store's unique (aggregate,
 * sequence) key, so one of them records it and the other finds nothing left to do. If Molnkoll was
 * down when a date passed, the first sweep after start records it.
 */
@Component
@RunsOn(InstanceRole.COMMAND)
public class ExpirySweep implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);
    private static final int MAX_PASSES_PER_SWEEP = 20;
    /** How the audit trail names who recorded an expiry. */
    public static final String ACTOR = "system:expiry";

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ExpiryProperties properties;
    private final int batchSize;

    public ExpirySweep(QueryGateway queries, CommandGateway commands, ExpiryProperties properties) {
        this.queries = queries;
        this.commands = commands;
        this.properties = properties;
        this.batchSize = properties.batchSize();
    }

    /** A sweep every molnkoll.expiry.sweep-interval, the first molnkoll.expiry.initial-delay after start. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, properties.sweepInterval(), properties.initialDelay()));
    }

    public void sweep() {
        sweep("lapsed evidence", () -> queries.query(new FindDueExpiries(batchSize),
                        ResponseTypes.multipleInstancesOf(DueExpiry.class)).join(),
                expiry -> record(new ExpireEvidence(expiry.serviceId(), expiry.evidenceId()), expiry.evidenceId().value(),
                        expiry.serviceId().value()));
        sweep("ended risk acceptances", () -> queries.query(new FindDueAcceptanceEnds(batchSize),
                        ResponseTypes.multipleInstancesOf(DueAcceptanceEnd.class)).join(),
                end -> record(new EndRiskAcceptance(end.serviceId(), end.proposalId()), end.proposalId(),
                        end.serviceId().value()));
        sweep("reviews past due", () -> queries.query(new FindDueReviews(batchSize),
                        ResponseTypes.multipleInstancesOf(DueReview.class)).join(),
                due -> record(new MarkReviewDue(due.serviceId(), due.measureId(), due.phase()),
                        "the review of measure " + due.measureId(), due.serviceId().value()));
    }

    private <T> void sweep(String what, Supplier<List<T>> dueNow, Predicate<T> record) {
        // A full batch may mean more is due; another pass is worth it only while this one recorded
        // something (the read model may not show the new ones yet), and never more than a few.
        for (int pass = 0; pass < MAX_PASSES_PER_SWEEP; pass++) {
            List<T> due = new ArrayList<>(dueNow.get());
            // each instance in its own order, so instances sweeping at once rarely want the same one
            Collections.shuffle(due);
            int recorded = 0;
            for (T one : due) {
                recorded += record.test(one) ? 1 : 0;
            }
            if (!due.isEmpty()) {
                log.info("Expiry sweep: {} {} found, {} recorded", due.size(), what, recorded);
            }
            if (recorded == 0 || due.size() < batchSize) {
                return;
            }
        }
    }

    /** Whether this instance recorded the lapse now (not: it was already recorded, or another instance did). */
    private boolean record(Object command, String what, String service) {
        try {
            Boolean recorded = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(EventMetaData.ACTOR, ACTOR)));
            return Boolean.TRUE.equals(recorded);
        } catch (ConcurrencyException e) {
            log.debug("The end of {} was recorded by another instance at the same moment", what);
            return false;
        } catch (RuntimeException e) {
            log.warn("The end of {} of service {} could not be recorded; the next sweep tries again", what, service, e);
            return false;
        }
    }
}
