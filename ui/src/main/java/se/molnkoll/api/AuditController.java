package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.StorableValues;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.AuditPage;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindAuditTrail;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindServiceChanges;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.ServiceChanges;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The audit trail: every recorded event, newest first unless asked otherwise. */
@RestController
@Tag(name = "Audit trail")
class AuditController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    /** The event names a client may filter on. */
    static final Set<String> EVENT_TYPES = Arrays.stream(CloudServiceEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());

    private final QueryGateway queries;
    private final Clock clock;

    AuditController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "The audit trail of every service",
            description = "Paged (page from 0, size 1–500, default 50); newest first, or oldest first with order=asc. "
                    + "from/to take an ISO-8601 instant or a date (a date means that whole day in Sweden); to is exclusive for an instant, inclusive for a date.")
    AuditPage all(@RequestParam(required = false) String service,
                  @RequestParam(required = false) String actor,
                  @RequestParam(required = false) @Parameter(description = "event name, e.g. EvidenceReceived") String type,
                  @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to,
                  @RequestParam(required = false) String order,
                  @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        CloudServiceId serviceId = null;
        if (service != null) {
            try {
                serviceId = CloudServiceId.of(service);
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldProblem("service", "must be a cloud service id (UUID)"));
            }
        }
        return query(new AuditFilter(serviceId, blankToNull(actor), type, null, null), from, to, order, page, size, problems);
    }

    @GetMapping("/api/services/{id}/audit")
    @Operation(summary = "The audit trail of one service", description = "Same parameters as /api/audit.")
    AuditPage ofService(@PathVariable String id,
                        @RequestParam(required = false) String actor,
                        @RequestParam(required = false) String type,
                        @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to,
                        @RequestParam(required = false) String order,
                        @RequestParam(required = false) Integer page,
                        @RequestParam(required = false) Integer size) {
        CloudServiceId service = Ids.service(id);
        queries.query(new FindCloudService(service), ResponseTypes.optionalInstanceOf(CloudServiceView.class)).join()
                .orElseThrow(() -> NotFoundException.service(id));
        return query(new AuditFilter(service, blankToNull(actor), type, null, null), from, to, order, page, size,
                new ArrayList<>());
    }

    @GetMapping("/api/services/{id}/changes")
    @Operation(summary = "What changed for a service between two moments, each change with when and by whom",
            description = "from and to are moments of recorded time: an ISO-8601 instant, or a date meaning the end of "
                    + "that day in Sweden; to defaults to now. The service as known at from (statuses on from's date) "
                    + "is compared with the service as known at to (statuses on to's date): facts and classification "
                    + "fields, measures opened and closed, evidence added, withdrawn, expired; and every event "
                    + "recorded after from up to and including to. 404 if the service had not been registered by to.")
    ServiceChanges changes(@PathVariable String id, @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to) {
        CloudServiceId service = Ids.service(id);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        Instant start = TimeParameters.asOf(from, "from", clock, problems);
        if (from == null || from.isBlank()) {
            problems.add(new InvalidInputException.FieldProblem("from", "is required: the moment to compare with"));
        }
        Instant end = to == null || to.isBlank() ? clock.instant() : TimeParameters.asOf(to, "to", clock, problems);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add(new InvalidInputException.FieldProblem("to", "must be after from"));
        }
        TimeParameters.throwIfAny(problems);
        return queries.query(new FindServiceChanges(service, start, end), ResponseTypes.optionalInstanceOf(ServiceChanges.class))
                .join()
                .orElseThrow(() -> NotFoundException.service(id, Moment.knownAt(end)));
    }

    private AuditPage query(AuditFilter filter, String from, String to, String order, Integer page, Integer size,
                            List<InvalidInputException.FieldProblem> problems) {
        if (filter.actor() != null && StorableValues.textProblem(filter.actor()) != null) {
            problems.add(new InvalidInputException.FieldProblem("actor", StorableValues.textProblem(filter.actor())));
        }
        if (filter.type() != null && !EVENT_TYPES.contains(filter.type())) {
            problems.add(new InvalidInputException.FieldProblem("type", "must be one of " + EVENT_TYPES.stream().sorted().toList()));
        }
        Instant fromInstant = TimeParameters.bound(from, "from", false, problems);
        Instant toInstant = TimeParameters.bound(to, "to", true, problems);
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            problems.add(new InvalidInputException.FieldProblem("to", "must be after from"));
        }
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            problems.add(new InvalidInputException.FieldProblem("order", "must be asc (oldest first) or desc (newest first)"));
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 0) problems.add(new InvalidInputException.FieldProblem("page", "must be 0 or more"));
        if ((long) pageNumber * pageSize > Integer.MAX_VALUE) {
            problems.add(new InvalidInputException.FieldProblem("page", "is beyond the last entry any trail can have"));
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            problems.add(new InvalidInputException.FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        AuditFilter complete = new AuditFilter(filter.service(), filter.actor(), filter.type(), fromInstant, toInstant);
        return queries.query(new FindAuditTrail(complete, pageNumber, pageSize, !"asc".equals(order)),
                ResponseTypes.instanceOf(AuditPage.class)).join();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
