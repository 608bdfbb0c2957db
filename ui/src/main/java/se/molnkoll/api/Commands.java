package se.molnkoll.api;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.CloudServiceId;

/** Sends a command, and returns once its effects are visible to reads. */
@Component
class Commands {

    private final CommandGateway gateway;
    private final ReadYourWrites readYourWrites;

    Commands(CommandGateway gateway, ReadYourWrites readYourWrites) {
        this.gateway = gateway;
        this.readYourWrites = readYourWrites;
    }

    void send(CloudServiceId service, Object command) {
        gateway.sendAndWait(command);
        readYourWrites.awaitProjectionsOf(service);
    }
}
