package se.molnkoll.recording;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.command.CorrectServiceDetails;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.security.SecurityEvents;
import se.molnkoll.security.UnitScope;

import java.util.Optional;
import java.util.Set;

/**
 * Refuses, before anything is sent, a command about a service of an organisation unit the user is not
 * limited to (see {@link UnitScope}): Spring Security answers 403 and nothing is written. The unit is
 * the register's current one; moving a service to another unit ({@link CorrectServiceDetails}) needs the
 * right to both units.
 */
@Component
public class UnitGuard {

    private final QueryGateway queries;
    private final SecurityEvents events;

    public UnitGuard(QueryGateway queries, SecurityEvents events) {
        this.queries = queries;
        this.events = events;
    }

    public void check(CloudServiceId service, Object command) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        Optional<Set<String>> units = UnitScope.of(who);
        if (units.isEmpty()) return;
        String unit = command instanceof RegisterCloudService register ? register.organisationUnit()
                : queries.query(new FindCloudService(service), ResponseTypes.optionalInstanceOf(CloudServiceView.class))
                .join().map(CloudServiceView::organisationUnit).orElse(null);
        if (command instanceof CorrectServiceDetails correction && correction.organisationUnit() != null
                && !units.get().contains(correction.organisationUnit())) {
            unit = correction.organisationUnit(); // the unit it would move to
        }
        if (unit == null || !units.get().contains(unit)) {
            events.denied(who.getName(), command.getClass().getSimpleName() + " on service " + service.value()
                    + " of unit '" + unit + "' (may change only " + units.get() + ")");
            throw new AccessDeniedException("You may change only the services of " + String.join(", ", units.get()));
        }
    }
}
