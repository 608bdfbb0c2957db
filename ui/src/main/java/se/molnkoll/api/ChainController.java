package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.molnkoll.kernel.query.ChainHead;
import se.molnkoll.kernel.query.ChainVerification;
import se.molnkoll.kernel.query.FindChainHead;
import se.molnkoll.kernel.query.VerifyChain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The hash chain over the event store: its head to note outside Molnkoll, and the proof that history is intact. */
@RestController
@Tag(name = "Audit trail")
class ChainController {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final QueryGateway queries;

    ChainController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/audit/head")
    @Operation(operationId = "getChainHead", summary = "The latest link of the hash chain over the event store",
            description = "Record position and hash outside Molnkoll; /api/audit/verification?position=…&hash=… later "
                    + "proves that nothing up to there changed. The chain trails new events by moments.")
    ChainHead head() {
        return queries.query(new FindChainHead(), ResponseTypes.instanceOf(ChainHead.class)).join();
    }

    @GetMapping("/api/audit/verification")
    @Operation(operationId = "verifyChain",
            summary = "Recompute the hash chain from the event store: intact, or the first event that is not",
            description = "Every chained event is read back as stored and its link recomputed. The answer names the "
                    + "first event whose stored content changed (ALTERED), that vanished (MISSING) or that sits among "
                    + "chained events without being chained (UNCHAINED). With position and hash recorded earlier from "
                    + "/api/audit/head, the recomputed chain must also have that hash there (HEAD_MISMATCH), which "
                    + "catches a rewrite of the links themselves.")
    ChainVerification verification(@RequestParam(required = false) Long position,
                                   @RequestParam(required = false) String hash) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if ((position == null) != (hash == null || hash.isBlank())) {
            problems.add(new InvalidInputException.FieldProblem(position == null ? "position" : "hash",
                    "position and hash go together: both from one answer of /api/audit/head"));
        }
        if (position != null && position < 1) {
            problems.add(new InvalidInputException.FieldProblem("position", "must be 1 or more"));
        }
        if (hash != null && !hash.isBlank() && !SHA256.matcher(hash).matches()) {
            problems.add(new InvalidInputException.FieldProblem("hash", "must be a SHA-256 in hex (64 digits)"));
        }
        TimeParameters.throwIfAny(problems);
        return queries.query(new VerifyChain(position, position == null ? null : hash.toLowerCase(Locale.ROOT)),
                ResponseTypes.instanceOf(ChainVerification.class)).join();
    }
}
