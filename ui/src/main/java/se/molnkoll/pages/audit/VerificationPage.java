package se.molnkoll.pages.audit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.molnkoll.kernel.query.ChainHead;
import se.molnkoll.kernel.query.ChainVerification;
import se.molnkoll.kernel.query.FindChainHead;
import se.molnkoll.kernel.query.VerifyChain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hash chain over the event store: its head (to note down outside Molnkoll) and, on request, a
 * verification that recomputes it, optionally against a head noted earlier.
 */
@Controller
class VerificationPage {

    static final String VIEW = "audit/verification";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final QueryGateway queries;

    VerificationPage(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/audit/verification")
    String verification(@RequestParam(required = false) String verify, @RequestParam(required = false) String position,
                        @RequestParam(required = false) String hash, Model model) {
        model.addAttribute("head", queries.query(new FindChainHead(), ResponseTypes.instanceOf(ChainHead.class)).join());
        model.addAttribute("position", position);
        model.addAttribute("hash", hash);
        if (verify == null) return VIEW;
        List<String> problems = new ArrayList<>();
        Long notedPosition = null;
        String notedHash = hash == null || hash.isBlank() ? null : hash.strip().toLowerCase(Locale.ROOT);
        if (position != null && !position.isBlank()) {
            try {
                notedPosition = Long.parseLong(position.strip());
                if (notedPosition < 1) problems.add("verification.badPosition");
            } catch (NumberFormatException e) {
                problems.add("verification.badPosition");
            }
        }
        if (notedHash != null && !SHA256.matcher(notedHash).matches()) problems.add("verification.badHash");
        if ((notedPosition == null) != (notedHash == null) && problems.isEmpty()) problems.add("verification.bothOrNone");
        model.addAttribute("problems", problems);
        if (problems.isEmpty()) {
            model.addAttribute("result", queries.query(new VerifyChain(notedPosition, notedHash),
                    ResponseTypes.instanceOf(ChainVerification.class)).join());
        }
        return VIEW;
    }
}
