package se.molnkoll.kernel.query;

import java.time.Instant;

/** The document attached to evidence: what it is and the SHA-256 recorded when it was attached. */
public record DocumentView(String fileName, String mediaType, long sizeBytes, String sha256, Instant attachedAt) {
}
