package se.molnkoll.recording;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.molnkoll.kernel.event.EventMetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Stamps every command with who sent it and the request it belongs to; Axon then copies both onto
 * the events the command causes (the command side's correlation data provider, in CommandConfiguration).
 */
@Component
public class ActorAndCorrelation implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String SYSTEM_ACTOR = "system";

    public ActorAndCorrelation(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>();
            if (!command.getMetaData().containsKey(EventMetaData.ACTOR)) added.put(EventMetaData.ACTOR, currentActor());
            if (!command.getMetaData().containsKey(EventMetaData.CORRELATION_ID)) added.put(EventMetaData.CORRELATION_ID, correlationId());
            return added.isEmpty() ? command : command.andMetaData(added);
        };
    }

    /** Who the signed-in user is, as the audit trail names them; {@value #SYSTEM_ACTOR} outside a signed-in request. */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() ? authentication.getName() : SYSTEM_ACTOR;
    }

    /** The request's id (see {@link CorrelationIdFilter}); a fresh one for a command sent outside a request. */
    private static String correlationId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                && servlet.getRequest().getAttribute(EventMetaData.CORRELATION_ID) instanceof String id) {
            return id;
        }
        return UUID.randomUUID().toString();
    }
}
