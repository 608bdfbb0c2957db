package se.molnkoll.command.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * molnkoll.commands.*: how commands are taken.
 *
 * @param maxRetries how often a command that collided with a concurrent change of the same service is sent again
 *                   before the caller is told (409)
 * @param cachedServices how many loaded services the aggregate cache keeps, the most recently used; a command on
 *                       one that is not kept replays its events from the store
 */
@ConfigurationProperties("molnkoll.commands")
public record CommandProperties(@DefaultValue("8") int maxRetries, @DefaultValue("10000") int cachedServices) {

    public CommandProperties {
        if (cachedServices < 1) throw new IllegalArgumentException("molnkoll.commands.cached-services must be 1 or more");
    }
}
