package se.molnkoll.pages.services;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.molnkoll.config.CertificateProperties;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.query.EndingAcceptance;
import se.molnkoll.kernel.query.FindEndingAcceptances;
import se.molnkoll.kernel.query.FindRiskProposals;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.RiskProposalView;
import se.molnkoll.security.Role;

import java.util.List;

/**
 * The risk owner's queue: proposals of residual-risk acceptances waiting for a decision, oldest first,
 * with the forms to approve or reject each (a risk owner's, and never on their own proposal); and the
 * acceptances that end within the warning window, which only a new approval renews.
 */
@Controller
class RisksPage {

    static final String VIEW = "risks";
    static final String REDIRECT = "redirect:/risks";

    private final QueryGateway queries;
    private final MeasureCatalogue catalogue;
    private final int warningDays;

    RisksPage(QueryGateway queries, MeasureCatalogue catalogue, CertificateProperties certificates) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.warningDays = certificates.warningDays();
    }

    /** A proposal as the queue shows it: with the measure's words and whether the signed-in user may decide it. */
    record Waiting(RiskProposalView proposal, String measureSummary, boolean mayDecide) {
    }

    @GetMapping("/risks")
    String risks(Authentication who, Model model) {
        boolean riskOwner = who.getAuthorities().stream().anyMatch(a -> Role.RISK_OWNER.authority().equals(a.getAuthority()));
        List<Waiting> waiting = queries.query(new FindRiskProposals(Moment.NOW, RiskProposalView.State.PENDING, null),
                        ResponseTypes.multipleInstancesOf(RiskProposalView.class)).join().stream()
                .map(p -> new Waiting(p, catalogue.measure(p.measureId()).map(FormSending::summary).orElse(""),
                        riskOwner && !p.proposedBy().equals(who.getName())))
                .toList();
        List<EndingAcceptance> ending = queries.query(new FindEndingAcceptances(Moment.NOW, warningDays),
                ResponseTypes.multipleInstancesOf(EndingAcceptance.class)).join();
        model.addAttribute("waiting", waiting);
        model.addAttribute("ending", ending);
        model.addAttribute("warningDays", warningDays);
        model.addAttribute("riskOwner", riskOwner);
        return VIEW;
    }
}
