package se.molnkoll.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * molnkoll.documents.*: the documents behind evidence.
 *
 * @param maxSize the largest document accepted; a larger one is refused 413 and nothing is stored
 */
@ConfigurationProperties("molnkoll.documents")
public record DocumentProperties(@DefaultValue("20MB") DataSize maxSize) {
}
