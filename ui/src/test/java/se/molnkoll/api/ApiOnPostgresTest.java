package se.molnkoll.api;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.TestClock;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios on a real PostgreSQL with the postgres profile, plus what only PostgreSQL can show:
 * binary columns are bytea (no large objects), and the event index has its own sequence counting by one.
 */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "molnkoll.demo-users=true")
@ActiveProfiles({"test", "postgres"})
@Import(TestClock.class)
class ApiOnPostgresTest extends ApiScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    @Test
    void it_really_runs_on_postgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }

    @Test
    void axons_binary_columns_are_bytea_and_no_large_objects_are_left_behind() {
        String id = register("Bytea-kontroll");
        classify(id, 1, 1, 1, false, false);
        List<Map<String, Object>> binary = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema()
                  and (table_name, column_name) in (('domain_event_entry', 'payload'), ('domain_event_entry', 'meta_data'),
                       ('snapshot_event_entry', 'payload'), ('token_entry', 'token'), ('saga_entry', 'serialized_saga'),
                       ('dead_letter_entry', 'payload'), ('dead_letter_entry', 'token'))""");
        assertThat(binary).hasSize(7).allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
        assertThat(jdbc.queryForObject("select count(*) from information_schema.columns where table_schema = current_schema()"
                + " and data_type = 'oid'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void the_global_event_index_has_its_own_sequence_that_counts_by_one() {
        assertThat(jdbc.queryForObject("select increment_by from pg_sequences where sequencename = "
                + "'domain_event_entry_global_index_seq'", Long.class)).isEqualTo(1);
        long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        String id = register("Sekvens");
        classify(id, 0, 0, 0, false, false);
        recordEvidence(id, List.of(24), List.of("ACQUIRE"), null);
        List<Long> indexes = jdbc.queryForList("select global_index from domain_event_entry where aggregate_identifier = ?"
                + " order by global_index", Long.class, id);
        assertThat(indexes).hasSize(3);
        assertThat(indexes.get(2) - indexes.get(0)).isEqualTo(2);
        assertThat(indexes.get(0)).isGreaterThan(before);
        assertThat(jdbc.queryForObject("select last_value from domain_event_entry_global_index_seq", Long.class))
                .isEqualTo(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
    }
}
