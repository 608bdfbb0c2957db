package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.molnkoll.kernel.query.FindPortfolioTotals;
import se.molnkoll.kernel.query.PortfolioTotals;

import java.time.Clock;

/** Totals over the whole portfolio. */
@RestController
@Tag(name = "Portfolio")
class TotalsController {

    private final QueryGateway queries;
    private final Clock clock;

    TotalsController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/totals")
    @Operation(operationId = "getTotals",
            summary = "Services and open measures per phase over every service that is not decommissioned")
    PortfolioTotals totals(@RequestParam(required = false) String asOf,
                           @RequestParam(required = false) String validAt) {
        return queries.query(new FindPortfolioTotals(TimeParameters.moment(asOf, validAt, clock)),
                ResponseTypes.instanceOf(PortfolioTotals.class)).join();
    }
}
