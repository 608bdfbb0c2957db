package se.molnkoll.query.api;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean the database is away. */
class DatabaseOutageTest {

    @Test
    void an_unreachable_database_is_told_apart_from_other_failures() {
        assertThat(DatabaseOutage.isCauseOf(new CannotCreateTransactionException("no connection",
                new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException(new SQLException("terminating connection due to"
                + " administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new IllegalArgumentException("bad input"))).isFalse();
    }

    @Test
    void a_failure_of_the_database_that_does_not_say_why_is_told_by_asking_the_pool() {
        RuntimeException closed = new org.hibernate.exception.GenericJDBCException("could not prepare statement",
                new SQLException("Connection is closed"));
        javax.sql.DataSource away = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:h2:tcp://127.0.0.1:1/nowhere");
        org.springframework.jdbc.datasource.DriverManagerDataSource up = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:h2:mem:failure-kinds");
        assertThat(DatabaseOutage.isAway(closed, away)).isTrue();
        assertThat(DatabaseOutage.isAway(closed, up)).as("the database answers: a fault of ours").isFalse();
        assertThat(DatabaseOutage.isAway(new IllegalStateException("a bug"), away)).as("not from the database").isFalse();
    }
}
