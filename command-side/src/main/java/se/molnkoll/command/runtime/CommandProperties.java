package se.molnkoll.command.runtime;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * molnkoll.commands.*: how commands are taken.
 *
 * @param maxRetries how often a command that collided with a concurrent change of the same service is sent again
 *                   before the caller is told (409)
 * @param cachedEvents   how many events the histories of the services in the aggregate cache may have in all (a
 *                       service weighs as many as it has); past it, those least likely to be used again go. A
 *                       command on a service that is not kept replays its events from the store (from its latest
 *                       snapshot on)
 * @param cachedServices the count that bounded the cache before {@code cachedEvents}: given, it stops the start with a
 *                       message naming the setting that took its place, rather than being silently ignored
 * @param snapshotAfter  a service's state is stored as a snapshot once this many of its events were replayed or
 *                       recorded since the last one, so that loading it replays at most about as many
 */
@ConfigurationProperties("molnkoll.commands")
public record CommandProperties(@DefaultValue("8") int maxRetries, @DefaultValue("200000") long cachedEvents,
                                @DefaultValue("250") int snapshotAfter, @Nullable Integer cachedServices) {

    public CommandProperties {
        if (cachedEvents < 1) throw new IllegalArgumentException("molnkoll.commands.cached-events must be 1 or more");
        if (cachedServices != null) {
            throw new IllegalArgumentException("molnkoll.commands.cached-services is gone: the aggregate cache is bounded by"
                    + " its services' events, molnkoll.commands.cached-events (docs/configuration.md)");
        }
        if (snapshotAfter < 1) throw new IllegalArgumentException("molnkoll.commands.snapshot-after must be 1 or more");
    }
}
