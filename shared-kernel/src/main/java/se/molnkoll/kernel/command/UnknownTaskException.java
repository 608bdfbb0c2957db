package se.molnkoll.kernel.command;

import se.molnkoll.kernel.CloudServiceId;

/** A command names a task that the service has never recorded. */
public class UnknownTaskException extends RuntimeException {

    public UnknownTaskException(CloudServiceId cloudServiceId, String taskId) {
        super("Cloud service " + cloudServiceId + " has no task " + taskId);
    }
}
