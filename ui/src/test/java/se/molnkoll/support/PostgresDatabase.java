package se.molnkoll.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the PostgreSQL server the tests are pointed at, created for one test context
 * and dropped when the JVM ends. The server comes from MOLNKOLL_TEST_POSTGRES_URL (a JDBC URL of a
 * database to connect to for administration; default jdbc:postgresql://127.0.0.1:5432/postgres) with
 * MOLNKOLL_TEST_POSTGRES_USER (default postgres) and MOLNKOLL_TEST_POSTGRES_PASSWORD. If it cannot
 * be reached the test fails: a test that needs PostgreSQL never quietly passes without it.
 */
public final class PostgresDatabase {

    private PostgresDatabase() {
    }

    /** Where a fresh database is, and how to sign in to it. */
    public record Database(String url, String user, String password) {

        /** As Spring properties, for contexts started by hand. */
        public String[] properties() {
            return new String[]{"spring.datasource.url=" + url, "spring.datasource.username=" + user,
                    "spring.datasource.password=" + password};
        }
    }

    public static void register(DynamicPropertyRegistry registry) {
        Database database = create();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }

    public static Database create() {
        String adminUrl = env("MOLNKOLL_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("MOLNKOLL_TEST_POSTGRES_USER", "postgres");
        String password = env("MOLNKOLL_TEST_POSTGRES_PASSWORD", "");
        String name = "molnkoll_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(adminUrl, user, password, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(adminUrl, user, password, "drop database if exists " + name + " with (force)");
            } catch (IllegalStateException ignored) {
                // the server went away first; nothing to clean up
            }
        }));
        return new Database(adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name, user, password);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " as " + user + " refused '" + sql
                    + "': " + e.getMessage() + ". Start PostgreSQL or point MOLNKOLL_TEST_POSTGRES_URL at one.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
