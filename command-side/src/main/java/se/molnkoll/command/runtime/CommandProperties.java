package se.molnkoll.command.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * molnkoll.commands.*: how commands are taken.
 *
 * @param maxRetries how often a command that collided with a concurrent change of the same service is sent again
 *                   before the caller is told (409)
 * @param cachedServices how many loaded services the aggregate cache keeps, the most recently used; a command on
 *                       one that is not kept replays its events from the store (from its latest snapshot on)
 * @param snapshotAfter  a service's state is stored as a snapshot once this many of its events were replayed or
 *                       recorded since the last one, so that loading it replays at most about as many
 */
@ConfigurationProperties("molnkoll.commands")
public record CommandProperties(@DefaultValue("8") int maxRetries, @DefaultValue("10000") int cachedServices,
                                @DefaultValue("250") int snapshotAfter) {

    public CommandProperties {
        if (cachedServices < 1) throw new IllegalArgumentException("molnkoll.commands.cached-services must be 1 or more");
        if (snapshotAfter < 1) throw new IllegalArgumentException("molnkoll.commands.snapshot-after must be 1 or more");
    }
}
