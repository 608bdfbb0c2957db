package se.molnkoll.query.runtime;

import org.springframework.stereotype.Component;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.api.RebuildStatus;
import se.molnkoll.query.persistence.AxonTables;

/** The read models of this instance's database, as {@link ReadModels} offers them to the rest of Molnkoll. */
@Component
class LiveReadModels implements ReadModels {

    private final ReadYourWrites readYourWrites;
    private final ReadModelRebuild rebuild;
    private final BlueGreenRebuild blueGreen;
    private final AxonTables axon;

    LiveReadModels(ReadYourWrites readYourWrites, ReadModelRebuild rebuild, BlueGreenRebuild blueGreen, AxonTables axon) {
        this.readYourWrites = readYourWrites;
        this.rebuild = rebuild;
        this.blueGreen = blueGreen;
        this.axon = axon;
    }

    @Override
    public boolean awaitVisible(CloudServiceId service) {
        return readYourWrites.awaitProjectionsOf(service);
    }

    @Override
    public RebuildStatus rebuild(String requestedBy) {
        return blueGreen.available() ? blueGreen.start(requestedBy) : rebuild.start(requestedBy);
    }

    @Override
    public RebuildStatus rebuildStatus() {
        if (blueGreen.available()) {
            RebuildStatus status = blueGreen.status();
            if (status.state() != RebuildStatus.State.IDLE || !rebuild.isRunning()) return status;
        }
        return rebuild.status();
    }

    @Override
    public boolean isRebuilding() {
        return rebuild.isRunning();
    }

    @Override
    public void requireNotRebuilding(String what) {
        rebuild.requireNotRunning(what);
    }

    @Override
    public long storedEvents() {
        return axon.eventCount();
    }
}
