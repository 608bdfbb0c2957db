package se.molnkoll.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * molnkoll.imports.*: how much one import may hold.
 *
 * @param maxRows the most rows (services and evidence together) one import takes; a larger file is refused whole
 * @param maxSize the largest file an import takes (each file, as uploaded); a larger one is refused 413 before it is read
 */
@ConfigurationProperties("molnkoll.imports")
public record ImportProperties(@DefaultValue("20000") int maxRows, @DefaultValue("20MB") DataSize maxSize) {
}
