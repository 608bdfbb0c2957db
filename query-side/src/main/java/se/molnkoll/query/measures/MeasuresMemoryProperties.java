package se.molnkoll.query.measures;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * molnkoll.read-models.measures.*: the measures read model's rows held in memory (see {@link ServicesInMemory}).
 *
 * @param rowsInMemory at most this many current rows (about 50 bytes each, held compact; a service has 100 to 200), the least
 *                     recently used services going first and read back at their next event; 0: as many as 45 % of
 *                     the heap holds (the full benchmark portfolio, 1.8 million rows, fits in less than a quarter of a 448 MB heap)
 */
@ConfigurationProperties("molnkoll.read-models.measures")
public record MeasuresMemoryProperties(@DefaultValue("0") long rowsInMemory) {
}
