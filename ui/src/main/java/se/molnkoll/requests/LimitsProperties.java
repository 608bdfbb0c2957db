package se.molnkoll.requests;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * molnkoll.limits.*: how much a request may carry (README, Web security).
 *
 * @param bodySize every request body but a document upload: the API's JSON, the pages' forms, the fields of a
 *                 multipart form beside its file (the largest legitimate one, a 4,000-character reason with every
 *                 character escaped, is about 25 kB); a longer one is refused 413 before anything reads it
 */
@ConfigurationProperties("molnkoll.limits")
public record LimitsProperties(@DefaultValue("64KB") DataSize bodySize) {
}
