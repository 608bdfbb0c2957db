package se.molnkoll.query.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * molnkoll.read-your-writes.*: a command's wait for the read models (see {@link ReadYourWrites}).
 *
 * @param timeout how long a command waits for every read model to show its effect before it is answered
 *                202 "recorded, not yet visible"
 */
@ConfigurationProperties("molnkoll.read-your-writes")
public record ReadYourWritesProperties(@DefaultValue("10s") Duration timeout) {
}
