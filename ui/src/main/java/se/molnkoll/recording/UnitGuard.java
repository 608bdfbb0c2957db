package se.molnkoll.recording;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.security.UnitScope;

import java.util.Optional;
import java.util.Set;

/**
 * Refuses, before anything is sent, a command about a service of an organisation unit the user is not
 * limited to (see {@link UnitScope}): Spring Security answers 403 and nothing is written. The unit of a
 * service is set when it is registered and never changes, so the register's view of it can be trusted.
 */
@Component
public class UnitGuard {

    private static final Logger log = LoggerFactory.getLogger(UnitGuard.class);
    private final QueryGateway queries;

    public UnitGuard(QueryGateway queries) {
        this.queries = queries;
    }

    public void check(CloudServiceId service, Object command) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        Optional<Set<String>> units = UnitScope.of(who);
        if (units.isEmpty()) return;
        String unit = command instanceof RegisterCloudService register ? register.organisationUnit()
                : queries.query(new FindCloudService(service), ResponseTypes.optionalInstanceOf(CloudServiceView.class))
                .join().map(CloudServiceView::organisationUnit).orElse(null);
        if (unit == null || !units.get().contains(unit)) {
            log.warn("Refused {} on service {} of unit '{}' for {}, who may change only {}",
                    command.getClass().getSimpleName(), service.value(), unit, who.getName(), units.get());
            throw new AccessDeniedException("You may change only the services of " + String.join(", ", units.get()));
        }
    }
}
