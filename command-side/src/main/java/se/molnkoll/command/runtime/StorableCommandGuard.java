package se.molnkoll.command.runtime;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.StorableValues;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.Violation;

import java.util.List;

/**
 * The last line before the event store: a command carrying text or a date the read models could not
 * store is refused, whoever sent it. The API already refuses such input field by field; this guards
 * every other way a command can arrive, because one unstorable event would stall the read models.
 */
@Component
public class StorableCommandGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    public StorableCommandGuard(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof Record command) {
            List<String> problems = StorableValues.problemsIn(command);
            if (!problems.isEmpty()) {
                throw new RuleViolationException(problems.stream()
                        .map(problem -> Violation.of("UNSTORABLE_VALUE", problem)).toList());
            }
        }
        return chain.proceed();
    }
}
