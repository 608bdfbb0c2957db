package se.molnkoll.documents;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The bytes of evidence documents, one per evidence. Written only inside the transaction that
 * records the DocumentAttached event, so a refused attachment leaves nothing behind.
 */
@Component
public class DocumentStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DocumentStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void store(CloudServiceId service, EvidenceId evidence, StoredDocument document) {
        jdbc.update("insert into evidence_document (evidence_id, service_id, sha256, size_bytes, file_name, media_type,"
                        + " content, stored_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                evidence.value(), service.value(), document.sha256(), document.content().length, document.fileName(),
                document.mediaType(), document.content(), Timestamp.from(clock.instant()));
    }

    public Optional<StoredDocument> load(EvidenceId evidence) {
        return jdbc.query("select file_name, media_type, sha256, content from evidence_document where evidence_id = ?",
                (row, n) -> new StoredDocument(row.getString("file_name"), row.getString("media_type"),
                        row.getString("sha256"), row.getBytes("content")), evidence.value()).stream().findFirst();
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from evidence_document", Long.class);
    }
}
