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
import se.molnkoll.kernel.query.FindServiceChanges;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.ServiceChanges;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What changed for a service between two moments of recorded time, each change with when and by whom. */
@RestController
@Tag(name = "Audit trail")
class ChangesController {

    private final QueryGateway queries;
    private final Clock clock;

    ChangesController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/services/{id}/changes")
    @Operation(operationId = "getServiceChanges",
            summary = "What changed for a service between two moments, each change with when and by whom",
            description = "from and to are moments of recorded time: an ISO-8601 instant, or a date meaning the end of "
                    + "that day in Sweden; to defaults to now. The service as known at from (statuses on from's date) "
                    + "is compared with the service as known at to (statuses on to's date): facts and classification "
                    + "fields, measures opened and closed, evidence added, withdrawn, expired; and every event "
                    + "recorded after from up to and including to. 404 if the service had not been registered by to.")
    ServiceChanges changes(@PathVariable String id,
                           @RequestParam(required = false) @Parameter(required = true,
                                   description = "The moment to compare with: an ISO-8601 instant, or a date (the end of that day in Sweden); not in the future") String from,
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
}
