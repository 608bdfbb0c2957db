package se.molnkoll.query.chain;

import se.molnkoll.query.persistence.AxonTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.kernel.query.ChainHead;
import se.molnkoll.kernel.query.ChainVerification;
import se.molnkoll.kernel.query.ChainVerification.FindingKind;
import se.molnkoll.kernel.query.FindChainHead;
import se.molnkoll.kernel.query.VerifyChain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain over rows written straight into the event store's table, then altered, removed and
 * slipped in with plain SQL, as someone with database access would.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({EventChain.class, ChainQueries.class, AxonTables.class})
class EventChainTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired EventChain chain;
    @Autowired ChainQueries queries;

    @BeforeEach
    void threeEvents() {
        for (int i = 1; i <= 3; i++) {
            store(i * 10, "event-" + i, i - 1, "{\"n\":" + i + "}");
            chain.append("event-" + i);
        }
    }

    private void store(long position, String identifier, long sequence, String payload) {
        jdbc.update("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,"
                        + " type, time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                position, identifier, "service-1", sequence, "CloudService", "2026-03-15T11:00:00Z",
                "se.molnkoll.kernel.event.EvidenceReceived", "1", payload.getBytes(StandardCharsets.UTF_8),
                "{\"actor\":\"anna\"}".getBytes(StandardCharsets.UTF_8));
    }

    private ChainVerification verify() {
        return queries.handle(VerifyChain.STORED_LINKS_ONLY);
    }

    @Test
    void an_untouched_store_verifies_and_the_head_is_the_last_link() {
        ChainVerification verification = verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.checkedEvents()).isEqualTo(3);
        assertThat(verification.firstFinding()).isNull();
        ChainHead head = queries.handle(new FindChainHead());
        assertThat(head.links()).isEqualTo(3);
        assertThat(head.position()).isEqualTo(30);
        assertThat(head.eventIdentifier()).isEqualTo("event-3");
        assertThat(head.storedEvents()).isEqualTo(3);
        assertThat(head.hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void the_chain_is_what_the_documented_recipe_gives_computed_independently() throws Exception {
        String previous = "0".repeat(64);
        for (int i = 1; i <= 3; i++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (byte[] field : new byte[][]{utf8("molnkoll-event-chain-v1"), HexFormat.of().parseHex(previous),
                    utf8(Long.toString(i * 10L)), utf8(Long.toString(i - 1)), utf8("event-" + i), utf8("service-1"),
                    utf8("CloudService"), utf8("2026-03-15T11:00:00Z"), utf8("se.molnkoll.kernel.event.EvidenceReceived"),
                    utf8("1"), utf8("{\"n\":" + i + "}"), utf8("{\"actor\":\"anna\"}")}) {
                bytes.write(ByteBuffer.allocate(4).putInt(field.length).array());
                bytes.write(field);
            }
            previous = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
            assertThat(jdbc.queryForObject("select hash from event_chain where link = ?", String.class, i)).isEqualTo(previous);
        }
        assertThat(ChainHash.GENESIS).isEqualTo("0".repeat(64));
    }

    @Test
    void chaining_the_same_event_again_changes_nothing() {
        String head = queries.handle(new FindChainHead()).hash();
        chain.append("event-2");
        assertThat(queries.handle(new FindChainHead()).hash()).isEqualTo(head);
        assertThat(queries.handle(new FindChainHead()).links()).isEqualTo(3);
    }

    @Test
    void one_altered_byte_of_a_stored_payload_is_caught_and_named() {
        jdbc.update("update domain_event_entry set payload = ? where event_identifier = 'event-2'",
                "{\"n\":7}".getBytes(StandardCharsets.UTF_8));
        ChainVerification verification = verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.checkedEvents()).isEqualTo(1);
        assertThat(verification.firstFinding()).satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.ALTERED);
            assertThat(f.position()).isEqualTo(20);
            assertThat(f.eventIdentifier()).isEqualTo("event-2");
            assertThat(f.aggregateIdentifier()).isEqualTo("service-1");
            assertThat(f.sequenceNumber()).isEqualTo(1);
            assertThat(f.detail()).contains("position 20");
        });
    }

    @Test
    void altered_metadata_a_timestamp_or_an_identifier_are_caught_too() {
        jdbc.update("update domain_event_entry set meta_data = ? where event_identifier = 'event-3'",
                "{\"actor\":\"bertil\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(verify().firstFinding().eventIdentifier()).isEqualTo("event-3");
        jdbc.update("update domain_event_entry set time_stamp = '2026-03-14T11:00:00Z' where event_identifier = 'event-1'");
        assertThat(verify().firstFinding().eventIdentifier()).isEqualTo("event-1");
        jdbc.update("update domain_event_entry set time_stamp = '2026-03-15T11:00:00Z', event_identifier = 'forged'"
                + " where event_identifier = 'event-1'");
        assertThat(verify().firstFinding()).satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.ALTERED);
            assertThat(f.eventIdentifier()).isEqualTo("forged");
            assertThat(f.detail()).contains("event-1");
        });
    }

    @Test
    void a_removed_event_and_one_slipped_in_between_are_caught() {
        store(15, "slipped-in", 9, "{}");
        assertThat(verify().firstFinding()).satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNCHAINED);
            assertThat(f.position()).isEqualTo(15);
            assertThat(f.eventIdentifier()).isEqualTo("slipped-in");
        });
        jdbc.update("delete from domain_event_entry where event_identifier = 'event-2'");
        assertThat(verify().firstFinding()).satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.MISSING);
            assertThat(f.position()).isEqualTo(20);
            assertThat(f.eventIdentifier()).isEqualTo("event-2");
        });
    }

    @Test
    void a_deleted_link_is_caught_as_a_gap_in_the_chain() {
        jdbc.update("delete from event_chain where link = 2");
        assertThat(verify().firstFinding()).satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.LINK_MISSING);
            assertThat(f.link()).isEqualTo(2);
            assertThat(f.position()).isEqualTo(30);
        });
    }

    @Test
    void an_event_slipped_in_below_a_late_chained_one_is_caught() {
        // a late event (position 5, committed behind 10-30) is the last link; 25 is slipped in after
        store(5, "late", 5, "{}");
        chain.append("late");
        store(25, "slipped-in", 9, "{}");
        ChainVerification verification = verify();
        assertThat(queries.handle(new FindChainHead()).position()).isEqualTo(5);
        assertThat(verification.firstFinding()).satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNCHAINED);
            assertThat(f.position()).isEqualTo(25);
        });
    }

    @Test
    void a_head_recorded_outside_catches_a_rewrite_of_events_and_links_alike() {
        ChainHead recorded = queries.handle(new FindChainHead());
        assertThat(queries.handle(new VerifyChain(recorded.position(), recorded.hash())).intact()).isTrue();

        // someone alters event 2 and recomputes every link after it: the stored links agree again...
        jdbc.update("update domain_event_entry set payload = ? where event_identifier = 'event-2'",
                "{\"n\":7}".getBytes(StandardCharsets.UTF_8));
        jdbc.update("delete from event_chain where link >= 2");
        chain.append("event-2");
        chain.append("event-3");
        assertThat(verify().intact()).isTrue();
        // ...but not with the head recorded outside Molnkoll
        ChainVerification verification = queries.handle(new VerifyChain(recorded.position(), recorded.hash()));
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstFinding().kind()).isEqualTo(FindingKind.HEAD_MISMATCH);
        assertThat(verification.firstFinding().position()).isEqualTo(30);

        assertThat(queries.handle(new VerifyChain(25L, recorded.hash())).firstFinding().kind())
                .isEqualTo(FindingKind.UNKNOWN_POSITION);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
