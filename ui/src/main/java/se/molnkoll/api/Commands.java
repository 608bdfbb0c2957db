package se.molnkoll.api;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.molnkoll.kernel.CloudServiceId;

import java.util.function.Supplier;

/**
 * Sends a command and answers once its effects are visible to reads. If the read models cannot show
 * them yet (one is failing, or too slow), the command is still recorded: the answer is then
 * 202 Accepted with the header {@value #READ_YOUR_WRITES_HEADER}: {@value #NOT_CONFIRMED}, and
 * nothing is read for it (a read could say "not found" about what was just recorded).
 */
@Component
class Commands {

    static final String READ_YOUR_WRITES_HEADER = "Molnkoll-Read-Your-Writes";
    static final String NOT_CONFIRMED = "not-confirmed";

    private final CommandGateway gateway;
    private final ReadYourWrites readYourWrites;
    private final TransactionTemplate transactions;

    Commands(CommandGateway gateway, ReadYourWrites readYourWrites, PlatformTransactionManager transactionManager) {
        this.gateway = gateway;
        this.readYourWrites = readYourWrites;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * As {@link #sendAndAnswer(CloudServiceId, Object, HttpStatus, Object)}, with another write that
     * must happen if and only if the command is accepted: both run in one transaction, which Axon's
     * unit of work joins, so a refused command rolls the other write back too.
     */
    <T> ResponseEntity<T> sendAndAnswer(CloudServiceId service, Object command, HttpStatus status, T answer,
                                        Runnable togetherWith) {
        transactions.executeWithoutResult(tx -> {
            gateway.sendAndWait(command); // the aggregate decides first; a refusal rolls back before the other write
            togetherWith.run();
        });
        return readYourWrites.awaitProjectionsOf(service) ? ResponseEntity.status(status).body(answer)
                : notConfirmed().body(answer);
    }

    /** Answers with a body known without reading (e.g. the new id), in either case. */
    <T> ResponseEntity<T> sendAndAnswer(CloudServiceId service, Object command, HttpStatus status, T answer) {
        return send(service, command) ? ResponseEntity.status(status).body(answer) : notConfirmed().body(answer);
    }

    /** Answers with what reads now show (e.g. the service), or with no body when they cannot show it yet. */
    <T> ResponseEntity<T> sendAndShow(CloudServiceId service, Object command, HttpStatus status, Supplier<T> read) {
        return send(service, command) ? ResponseEntity.status(status).body(read.get()) : notConfirmed().build();
    }

    private boolean send(CloudServiceId service, Object command) {
        gateway.sendAndWait(command);
        return readYourWrites.awaitProjectionsOf(service);
    }

    private static ResponseEntity.BodyBuilder notConfirmed() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(READ_YOUR_WRITES_HEADER, NOT_CONFIRMED);
    }
}
