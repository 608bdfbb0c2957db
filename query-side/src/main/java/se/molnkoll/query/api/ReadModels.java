package se.molnkoll.query.api;

import se.molnkoll.kernel.CloudServiceId;

import java.util.List;

/**
 * The read models as the rest of Molnkoll sees them: each derived from the event store alone, kept by
 * its own tracking processor (named here), rebuilt from the store on request, and waited for after a
 * command so that its client reads its own write. The hash chain over the event store follows the
 * store like them but is evidence, never rebuilt.
 */
public interface ReadModels {

    String REGISTER = "register";
    String MEASURES = "measures";
    String AUDIT_TRAIL = "audit";
    /**
     * The vendors and where each service's data goes: one segment, as a vendor's change is checked against
     * every service that links to it, and a service's against its vendor.
     */
    String VENDORS = "vendors";

    /** The processing groups of the read models, each a processor. */
    List<String> PROCESSING_GROUPS = List.of(REGISTER, MEASURES, AUDIT_TRAIL, VENDORS);

    /** The processing group of the hash chain, which follows the event store like the read models. */
    String CHAIN = "chain";

    /**
     * Waits until every read model shows the service's latest event: true once they do; false if one
     * cannot yet (it is failing, it is too slow for molnkoll.read-your-writes.timeout, or the database
     * cannot say): the event is recorded, not yet visible.
     */
    boolean awaitVisible(CloudServiceId service);

    /**
     * Starts a rebuild of every read model from the event store, in the background.
     *
     * @throws RebuildRunningException while one runs
     * @throws NotKeptHereException    on an instance that does not keep the read models
     */
    RebuildStatus rebuild(String requestedBy);

    /** The rebuild running, or the last one. */
    RebuildStatus rebuildStatus();

    /** Whether a rebuild runs: started here, by another instance, or before a restart. */
    boolean isRebuilding();

    /**
     * Refuses what must not run on half-rebuilt read models (such as an export for the archive).
     *
     * @throws RebuildRunningException while a rebuild runs
     */
    void requireNotRebuilding(String what);

    /** The events in the event store. */
    long storedEvents();

    /** Something was asked for that cannot be done while a rebuild runs (another rebuild, an export). */
    class RebuildRunningException extends RuntimeException {
        private final transient RebuildStatus status;

        public RebuildRunningException(String what, RebuildStatus status) {
            super(what + " (started " + status.startedAt() + " by " + status.requestedBy() + ")");
            this.status = status;
        }

        public RebuildStatus status() {
            return status;
        }
    }

    /** Asked of an instance that does not keep the read models (molnkoll.roles without query). */
    class NotKeptHereException extends RuntimeException {
        public NotKeptHereException(String what) {
            super(what);
        }
    }
}
