package se.molnkoll.kernel.command;

import se.molnkoll.kernel.CloudServiceId;

/** A command names a risk-acceptance proposal that the service has never recorded. */
public class UnknownProposalException extends RuntimeException {

    public UnknownProposalException(CloudServiceId cloudServiceId, String proposalId) {
        super("Cloud service " + cloudServiceId + " has no risk-acceptance proposal " + proposalId);
    }
}
