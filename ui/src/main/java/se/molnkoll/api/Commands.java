package se.molnkoll.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.recording.Recorder;

import java.util.function.Supplier;

/**
 * Sends a command and answers once its effects are visible to reads. If the read models cannot show
 * them yet (one is failing, or too slow), the command is still recorded: the answer is then
 * 202 Accepted with the header {@value #READ_YOUR_WRITES_HEADER}: {@value #NOT_CONFIRMED}, and
 * nothing is read for it (a read could say "not found" about what was just recorded).
 */
@Component
class Commands {

    static final String READ_YOUR_WRITES_HEADER = "Molnkoll-Read-Your-Writes";
    static final String NOT_CONFIRMED = "not-confirmed";

    private final Recorder recorder;

    Commands(Recorder recorder) {
        this.recorder = recorder;
    }

    /**
     * As {@link #sendAndAnswer(CloudServiceId, Object, HttpStatus, Object)}, with another write that
     * must happen if and only if the command is accepted (see {@link Recorder#record(CloudServiceId, Object, Runnable)}).
     */
    <T> ResponseEntity<T> sendAndAnswer(CloudServiceId service, Object command, HttpStatus status, T answer,
                                        Runnable togetherWith) {
        return recorder.record(service, command, togetherWith) ? ResponseEntity.status(status).body(answer)
                : notConfirmed().body(answer);
    }

    /** A registration, linked to its vendor record in the same transaction (link null: none); answers as below. */
    <T> ResponseEntity<T> sendRegistration(CloudServiceId service, se.molnkoll.kernel.command.RegisterCloudService registration,
                                           se.molnkoll.kernel.command.LinkVendor link, HttpStatus status, T answer) {
        return recorder.recordRegistration(service, registration, link) ? ResponseEntity.status(status).body(answer)
                : notConfirmed().body(answer);
    }

    /** Answers with a body known without reading (e.g. the new id), in either case. */
    <T> ResponseEntity<T> sendAndAnswer(CloudServiceId service, Object command, HttpStatus status, T answer) {
        return recorder.record(service, command) ? ResponseEntity.status(status).body(answer) : notConfirmed().body(answer);
    }

    /** Answers with what reads now show (e.g. the service), or with no body when they cannot show it yet. */
    <T> ResponseEntity<T> sendAndShow(CloudServiceId service, Object command, HttpStatus status, Supplier<T> read) {
        return recorder.record(service, command) ? ResponseEntity.status(status).body(read.get()) : notConfirmed().build();
    }

    private static ResponseEntity.BodyBuilder notConfirmed() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(READ_YOUR_WRITES_HEADER, NOT_CONFIRMED);
    }
}
