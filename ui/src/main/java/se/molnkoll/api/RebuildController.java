package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.api.RebuildStatus;

/** Rebuilding the read models from the event store, for administrators. */
@RestController
@Tag(name = "Administration")
class RebuildController {

    private final ReadModels readModels;

    RebuildController(ReadModels readModels) {
        this.readModels = readModels;
    }

    @PostMapping("/api/admin/rebuild")
    @Operation(operationId = "startRebuild", summary = "Rebuild every read model from the event store",
            description = "Runs in the background: follow it with GET /api/admin/rebuild (events done of the total). "
                    + "Meanwhile reads show the read models as far as they have been rebuilt. Run it with this "
                    + "instance alone. The hash chain is evidence and is never rebuilt.")
    @ApiResponse(responseCode = "202", description = "Started; the body is its status, Location where to follow it",
            content = @Content(schema = @Schema(implementation = RebuildStatus.class)),
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "GET it to follow the rebuild",
                    schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "409", description = "A rebuild is already running (`rebuild` is its status), or this "
            + "instance does not keep the read models; nothing was started",
            content = @Content(mediaType = ContractOperations.PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<RebuildStatus> start(Authentication who) {
        RebuildStatus started = readModels.rebuild(who.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequest().build().toUri())
                .body(started);
    }

    @GetMapping("/api/admin/rebuild")
    @Operation(operationId = "getRebuildStatus",
            summary = "Where the last rebuild of the read models stands: events done of the total")
    RebuildStatus status() {
        return readModels.rebuildStatus();
    }
}
