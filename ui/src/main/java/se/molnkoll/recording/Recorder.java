package se.molnkoll.recording;

import org.axonframework.commandhandling.GenericCommandMessage;
import java.util.Map;

import se.molnkoll.query.api.ReadModels;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.VendorId;

/**
 * Records a command about a cloud service and waits until the read models show it, for the API and
 * the pages alike: whoever sent it reads their own write next.
 */
@Component
public class Recorder {

    private final CommandGateway gateway;
    private final ReadModels readModels;
    private final TransactionTemplate transactions;
    private final UnitGuard units;

    public Recorder(CommandGateway gateway, ReadModels readModels, PlatformTransactionManager transactionManager,
                    UnitGuard units) {
        this.gateway = gateway;
        this.units = units;
        this.readModels = readModels;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Sends the command (a refusal is thrown as it comes: rule violation, unknown evidence, ...) and
     * answers whether the read models show it by now; false means recorded, not yet visible.
     */
    public boolean record(CloudServiceId service, Object command) {
        units.check(service, command);
        gateway.sendAndWait(command);
        return readModels.awaitVisible(service);
    }

    /**
     * Sends a command to a settings aggregate (an administrator's change, which no organisation unit limits)
     * and answers whether the read models show it by now.
     */
    public boolean recordSetting(String settingsId, Object command) {
        gateway.sendAndWait(command);
        return readModels.awaitVisible(CloudServiceId.of(settingsId));
    }

    /**
     * Sends a command to a vendor (which serves every organisation unit, so no unit limits it) and answers
     * whether the read models show it by now.
     */
    public boolean recordVendor(VendorId vendor, Object command) {
        gateway.sendAndWait(command);
        return readModels.awaitVisible(CloudServiceId.of(vendor.value()));
    }

    /**
     * As {@link #record(CloudServiceId, Object)}, with another write that must happen if and only if
     * the command is accepted: both run in one transaction, which Axon's unit of work joins, so a
     * refused command rolls the other write back too.
     */
    public boolean record(CloudServiceId service, Object command, Runnable togetherWith) {
        units.check(service, command);
        transactions.executeWithoutResult(tx -> {
            gateway.sendAndWait(command); // the aggregate decides first; a refusal rolls back before the other write
            togetherWith.run();
        });
        return readModels.awaitVisible(service);
    }

    /**
     * Registers a service and, in the same transaction, links it to the vendor record chosen (null: none): both
     * recorded, or neither.
     */
    public boolean recordRegistration(CloudServiceId service, se.molnkoll.kernel.command.RegisterCloudService registration,
                                      se.molnkoll.kernel.command.LinkVendor link) {
        units.check(service, registration);
        transactions.executeWithoutResult(tx -> {
            gateway.sendAndWait(registration);
            if (link != null) {
                gateway.sendAndWait(link); // a refusal rolls the registration back too
            }
        });
        return readModels.awaitVisible(service);
    }

    /**
     * Sends one command of an import, stamped with the file and row it comes from (copied onto its events),
     * without waiting for the read models: an import waits once, at its end ({@link #awaitVisible}).
     */
    public void recordImported(CloudServiceId service, Object command, Map<String, ?> metaData) {
        units.check(service, command);
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    /** Whether the read models show the service's latest event, waiting a while for them to. */
    public boolean awaitVisible(CloudServiceId service) {
        return readModels.awaitVisible(service);
    }
}
