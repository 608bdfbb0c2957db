package se.molnkoll.api;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.CloudServiceId;

import java.util.function.Supplier;

/**
 * Sends a command and answers once its effects are visible to reads. If the read models cannot show
 * them yet (one is failing, or too slow), the command is still recorded: the answer is then
 * 202 Accepted with the header {@value #READ_YOUR_WRITES_HEADER}: {@value #NOT_CONFIRMED}.
 */
@Component
class Commands {

    static final String READ_YOUR_WRITES_HEADER = "Molnkoll-Read-Your-Writes";
    static final String NOT_CONFIRMED = "not-confirmed";

    private final CommandGateway gateway;
    private final ReadYourWrites readYourWrites;

    Commands(CommandGateway gateway, ReadYourWrites readYourWrites) {
        this.gateway = gateway;
        this.readYourWrites = readYourWrites;
    }

    /**
     * Sends the command; the answer is the given status and body once reads show the command's
     * effect, else 202 with the same body and the header saying reads do not show it yet.
     */
    <T> ResponseEntity<T> send(CloudServiceId service, Object command, HttpStatus status, Supplier<T> body) {
        gateway.sendAndWait(command);
        boolean visible = readYourWrites.awaitProjectionsOf(service);
        ResponseEntity.BodyBuilder answer = visible ? ResponseEntity.status(status)
                : ResponseEntity.status(HttpStatus.ACCEPTED).header(READ_YOUR_WRITES_HEADER, NOT_CONFIRMED);
        return answer.body(body.get());
    }
}
