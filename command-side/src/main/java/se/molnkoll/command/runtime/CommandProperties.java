package se.molnkoll.command.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * molnkoll.commands.*: how commands are taken.
 *
 * @param maxRetries how often a command that collided with a concurrent change of the same service is sent again
 *                   before the caller is told (409)
 */
@ConfigurationProperties("molnkoll.commands")
public record CommandProperties(@DefaultValue("8") int maxRetries) {
}
