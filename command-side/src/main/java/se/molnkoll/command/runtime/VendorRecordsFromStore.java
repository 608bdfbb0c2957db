package se.molnkoll.command.runtime;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.event.VendorEvent;
import se.molnkoll.kernel.event.VendorRegistered;
import se.molnkoll.kernel.vendor.VendorRecord;
import se.molnkoll.kernel.vendor.VendorRecords;

import java.util.Optional;

/**
 * A vendor as its events in the store make it, read each time it is asked: a vendor's history is short,
 * and a service linking to it must see every change recorded, on every instance, without waiting for a read model.
 */
@Component
public class VendorRecordsFromStore implements VendorRecords {

    private final EventStore events;

    public VendorRecordsFromStore(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<VendorRecord> find(VendorId vendorId) {
        DomainEventStream stream = events.readEvents(vendorId.value());
        VendorRecord record = null;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof VendorRegistered registered) {
                record = VendorRecord.of(registered);
            } else if (payload instanceof VendorEvent event && record != null) {
                record.apply(event);
            }
        }
        return Optional.ofNullable(record);
    }
}
