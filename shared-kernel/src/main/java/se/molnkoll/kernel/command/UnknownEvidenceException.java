package se.molnkoll.kernel.command;

import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;

/** A command names evidence that the service has never recorded. */
public class UnknownEvidenceException extends RuntimeException {

    public UnknownEvidenceException(CloudServiceId cloudServiceId, EvidenceId evidenceId) {
        super("Cloud service " + cloudServiceId + " has no evidence " + evidenceId);
    }
}
