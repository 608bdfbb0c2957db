package se.molnkoll.command.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * molnkoll.risk-acceptance.*: residual-risk acceptances.
 *
 * @param longest how far ahead of its proposal an acceptance may end at the latest (ISO-8601 period, P3Y)
 */
@ConfigurationProperties("molnkoll.risk-acceptance")
public record RiskAcceptanceProperties(@DefaultValue("P3Y") Period longest) {
}
