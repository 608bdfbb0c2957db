package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.molnkoll.config.CertificateProperties;
import se.molnkoll.kernel.query.EndingAcceptance;
import se.molnkoll.kernel.query.FindEndingAcceptances;
import se.molnkoll.kernel.query.FindRiskProposals;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.RiskProposalView;

import java.util.List;

/** The risk owner's queue and the residual-risk acceptances about to end, over the portfolio. */
@RestController
@Tag(name = "Residual risks")
class RiskController {

    private final QueryGateway queries;
    private final int warningDays;

    RiskController(QueryGateway queries, CertificateProperties certificates) {
        this.queries = queries;
        this.warningDays = certificates.warningDays();
    }

    @GetMapping("/api/risk-proposals")
    @Operation(operationId = "listRiskProposals", summary = "Proposed risk acceptances, oldest first: the risk owner's queue",
            description = "Those in the state given (PENDING: waiting for a risk owner), or all of them, of every service "
                    + "not archived. A service's proposals as of any moment are in its view (GET /api/services/{id}).")
    List<RiskProposalView> proposals(@RequestParam(required = false) RiskProposalView.State state) {
        return queries.query(new FindRiskProposals(Moment.NOW, state, null),
                ResponseTypes.multipleInstancesOf(RiskProposalView.class)).join();
    }

    @GetMapping("/api/risk-acceptances/ending")
    @Operation(operationId = "listEndingRiskAcceptances", summary = "Risk acceptances in force that end soon, soonest first",
            description = "Those whose last day is within withinDays (default molnkoll.certificates.warning-days, 60) of "
                    + "today, of services in use. After its last day a measure is open again; only a new approval renews it. "
                    + "proposalId is null for an acceptance recorded before the risk owner's sign-off existed.")
    List<EndingAcceptance> ending(@RequestParam(required = false) Integer withinDays) {
        int window = withinDays == null ? warningDays : withinDays;
        if (window < 0 || window > CertificateController.MAX_WINDOW_DAYS) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldProblem("withinDays",
                    "must be between 0 and " + CertificateController.MAX_WINDOW_DAYS)));
        }
        return queries.query(new FindEndingAcceptances(Moment.NOW, window),
                ResponseTypes.multipleInstancesOf(EndingAcceptance.class)).join();
    }
}
