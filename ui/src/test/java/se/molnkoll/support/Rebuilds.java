package se.molnkoll.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting for a rebuild of the read models started through the API. */
public final class Rebuilds {

    private Rebuilds() {
    }

    /** Polls GET /api/admin/rebuild (at most 60 s) until it no longer runs; returns the last status. */
    public static JsonNode awaitEnd(Api admin) {
        return awaitEnd(admin, java.time.Duration.ofSeconds(60));
    }

    /** Polls GET /api/admin/rebuild (at most so long) until it no longer runs; returns the last status. */
    public static JsonNode awaitEnd(Api admin, java.time.Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            JsonNode status = admin.get("/api/admin/rebuild").json();
            if (!status.get("state").asText().equals("RUNNING")) return status;
            assertThat(System.nanoTime()).as("the rebuild ends within " + atMost + ": " + status).isLessThan(deadline);
            LockSupport.parkNanos(50_000_000L);
        }
    }
}
