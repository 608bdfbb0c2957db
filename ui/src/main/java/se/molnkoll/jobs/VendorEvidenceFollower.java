package se.molnkoll.jobs;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.molnkoll.instance.InstanceRole;
import se.molnkoll.instance.RunsOn;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.WithdrawEvidence;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.event.VendorEvidenceAdopted;
import se.molnkoll.kernel.event.VendorEvidenceWithdrawn;
import se.molnkoll.kernel.query.FindVendorEvidenceAdoptions;
import se.molnkoll.kernel.query.VendorEvidenceAdoption;
import se.molnkoll.kernel.vendor.VendorRecords;
import se.molnkoll.query.api.ReadModels;

import java.util.Map;

/**
 * Ends a vendor's withdrawn evidence at every service that adopted it: each service's copy is withdrawn by a
 * command, exactly once (the service refuses a second withdrawal). A tracking processor of its own, one segment,
 * so across restarts and instances it picks up where it left off, and exactly one instance follows at a time.
 * (Expiry needs no following: each copy carries the vendor's validity and lapses by the expiry sweep.)
 *
 * <p>Each command is sent in a transaction of its own, so that a refusal (withdrawn already, the service archived)
 * does not mark the processor's transaction for rollback. The withdrawals' events are staged in the processor's unit
 * of work (Axon's root unit of work coordinates events published within it) and stored with its token: a crash
 * half-way stores none of them, and the replay of the same event withdraws each copy once.
 */
@Component
@ProcessingGroup(VendorEvidenceFollower.PROCESSING_GROUP)
@RunsOn(InstanceRole.COMMAND)
public class VendorEvidenceFollower {

    public static final String PROCESSING_GROUP = "vendor-evidence";
    public static final String ACTOR = "system:vendor-evidence";
    private static final Logger log = LoggerFactory.getLogger(VendorEvidenceFollower.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModels readModels;
    private final VendorRecords vendors;
    private final TransactionTemplate ownTransaction;

    public VendorEvidenceFollower(CommandGateway commands, QueryGateway queries, ReadModels readModels, VendorRecords vendors,
                                  PlatformTransactionManager transactions) {
        this.commands = commands;
        this.queries = queries;
        this.readModels = readModels;
        this.vendors = vendors;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventHandler
    void on(VendorEvidenceWithdrawn event) {
        // every adoption recorded before the withdrawal is in the vendors' read model once it shows the withdrawal
        if (!readModels.awaitVisible(CloudServiceId.of(event.vendorId().value()))) {
            throw new IllegalStateException("The read models do not yet show the withdrawal of " + event.vendorEvidenceId()
                    + "; tried again");
        }
        var adoptions = queries.query(new FindVendorEvidenceAdoptions(event.vendorEvidenceId()),
                ResponseTypes.multipleInstancesOf(VendorEvidenceAdoption.class)).join();
        log.info("Evidence {} withdrawn at vendor {}: ending it at {} service(s)", event.vendorEvidenceId(), event.vendorId(),
                adoptions.size());
        adoptions.forEach(a -> withdraw(a.serviceId(), a.evidenceId(), event.reason()));
    }

    /** An adoption that raced the withdrawal (recorded after it, decided before it): ended as soon as it is seen. */
    @EventHandler
    void on(VendorEvidenceAdopted event) {
        vendors.find(event.vendorId()).filter(vendor -> vendor.withdrawn(event.vendorEvidenceId()))
                .ifPresent(vendor -> withdraw(event.cloudServiceId(), event.evidenceId(), "återkallat hos " + vendor.details().name()));
    }

    private void withdraw(CloudServiceId service, EvidenceId evidence, String reason) {
        try {
            ownTransaction.executeWithoutResult(tx -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new WithdrawEvidence(service, evidence, "Återkallat hos leverantören: " + reason))
                    .andMetaData(Map.of(EventMetaData.ACTOR, ACTOR))));
        } catch (RuleViolationException done) {
            // withdrawn already (a replay, or by hand), or the service archived or decommissioned: nothing to end
            log.debug("Evidence {} of {} not withdrawn: {}", evidence, service, done.getMessage());
        }
    }
}
