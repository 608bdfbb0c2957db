package se.molnkoll.query.runtime;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.query.QueryTestApplication;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's fetch for a token with gaps reads in two queries, which see the table at two
 * moments. An event committed between them must never overtake an earlier one of the same service:
 * here a gap and the next event of its service commit exactly between the two queries.
 */
@SpringBootTest(classes = QueryTestApplication.class, properties = {
        "spring.jpa.mapping-resources=META-INF/axon-event-store-orm.xml", "axon.axonserver.enabled=false",
        // a database of its own: the events it writes must not show up in the other tests' store
        "spring.datasource.url=jdbc:h2:mem:gap-tolerant;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"})
class GapTolerantEngineTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired EntityManagerProvider entityManagers;
    @Autowired TransactionManager transactions;
    @Autowired @Qualifier("eventSerializer") Serializer serializer;

    @Test
    void a_gap_committed_between_the_two_queries_comes_before_the_next_event_of_its_service() {
        long base = 1_000_000;
        String service = UUID.randomUUID().toString();
        insert(base + 2, UUID.randomUUID().toString(), 0); // another service's event, seen as the token was taken
        // the token: past base + 2, with base + 1 handed out to a transaction not yet committed
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(base + 2, new TreeSet<>(List.of(base + 1)));

        EventStoreConfiguration.GapTolerantEngine engine = new EventStoreConfiguration.GapTolerantEngine(JpaEventStorageEngine.builder()
                .entityManagerProvider(entityManagers).transactionManager(transactions)
                .eventSerializer(serializer).snapshotSerializer(serializer)) {
            @Override
            void afterEventsPastTheToken() {
                insert(base + 1, service, 0); // the gap commits: the service is registered
                insert(base + 3, service, 1); // and its next event commits after it
            }
        };
        List<Long> fetched = transactions.fetchInTransaction(() -> engine.fetchEvents(token)).stream()
                .map(row -> (Long) row[0]).toList();

        assertThat(fetched).as("the service's first event, and not its second without its first").containsExactly(base + 1);
    }

    private void insert(long index, String service, long sequence) {
        byte[] payload = ("{\"cloudServiceId\":\"" + service + "\",\"name\":\"Lucka\",\"vendor\":\"Moln AB\","
                + "\"serviceModel\":\"SAAS\",\"organisationUnit\":\"IT\",\"owner\":\"Anna\"}").getBytes(StandardCharsets.UTF_8);
        jdbc.update("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,"
                        + " type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (?, ?, ?, ?, 'CloudService', '2026-01-01T00:00:00Z', ?, null, ?, ?)",
                index, UUID.randomUUID().toString(), service, sequence,
                "se.molnkoll.kernel.event.CloudServiceRegistered", payload, "{}".getBytes(StandardCharsets.UTF_8));
    }
}
