package se.molnkoll.requests;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * molnkoll.documents.*: how large a document behind evidence may be (the upload is refused before it is read).
 *
 * @param maxSize the largest document accepted; a larger one is refused 413 and nothing is stored
 */
@ConfigurationProperties("molnkoll.documents")
public record DocumentProperties(@DefaultValue("20MB") DataSize maxSize) {
}
