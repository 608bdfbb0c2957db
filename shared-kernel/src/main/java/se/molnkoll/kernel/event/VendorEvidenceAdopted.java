package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.VendorId;

import java.util.List;

/**
 * The service adopted evidence recorded on its vendor ({@code vendorEvidenceId}) for the measures and phases it
 * covers here; recorded with the evidence itself (an {@link EvidenceReceived} with {@code evidenceId}), which
 * counts from then like any other evidence, lapses with it and ends when the vendor's is withdrawn.
 */
@Revision("1")
public record VendorEvidenceAdopted(CloudServiceId cloudServiceId, EvidenceId evidenceId, VendorId vendorId, String vendorEvidenceId,
                                    List<MeasurePhase> covers) implements CloudServiceEvent {

    public VendorEvidenceAdopted {
        covers = List.copyOf(covers);
    }

}
