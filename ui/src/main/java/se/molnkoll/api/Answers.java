package se.molnkoll.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies the API answers with that are its own (the views come from the read models). */
final class Answers {

    private Answers() {
    }

    /** What a command that creates something answers: the new id. */
    record Created(@Schema(format = "uuid", description = "The new id") String id) {
    }

    /** The document as stored: its SHA-256 is what the audit trail records and every download checks. */
    record AttachedDocument(
            @Schema(format = "uuid") String evidenceId,
            @Schema(description = "The file name as stored (made safe to show and to save)") String fileName,
            @Schema(description = "The media type the content was judged to be") String mediaType,
            @Schema(minimum = "1") long sizeBytes,
            @Schema(pattern = "^[0-9a-f]{64}$") String sha256) {
    }
}
