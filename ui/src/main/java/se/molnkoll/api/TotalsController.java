package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.molnkoll.kernel.query.FindPortfolioTotals;
import se.molnkoll.kernel.query.PortfolioTotals;

/** Totals over the whole portfolio. */
@RestController
@Tag(name = "Portfolio")
class TotalsController {

    private final QueryGateway queries;

    TotalsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/totals")
    @Operation(summary = "Services and open measures per phase over every service that is not decommissioned")
    PortfolioTotals totals() {
        return queries.query(new FindPortfolioTotals(), ResponseTypes.instanceOf(PortfolioTotals.class)).join();
    }
}
