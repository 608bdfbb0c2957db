package se.molnkoll.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.molnkoll.kernel.event.EventMetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Stamps every command with who sent it and the request it belongs to; Axon then copies both onto
 * the events the command causes (see {@link AxonConfiguration}).
 */
@Component
public class ActorAndCorrelation implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String SYSTEM_ACTOR = "system";

    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

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

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() ? authentication.getName() : SYSTEM_ACTOR;
    }

    /** The client's X-Correlation-Id if it is a sensible token, else one id per request. */
    private static String correlationId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            String given = servlet.getRequest().getHeader(CORRELATION_HEADER);
            if (given != null && SAFE_CORRELATION_ID.matcher(given).matches()) {
                return given;
            }
            Object generated = servlet.getRequest().getAttribute(EventMetaData.CORRELATION_ID);
            if (generated == null) {
                generated = UUID.randomUUID().toString();
                servlet.getRequest().setAttribute(EventMetaData.CORRELATION_ID, generated);
            }
            return generated.toString();
        }
        return UUID.randomUUID().toString();
    }
}
