import java.sql.DriverManager;

/** Runs one administrative SQL statement (create/drop database) without needing psql installed. */
public class Sql {
    public static void main(String[] args) throws Exception {
        try (var connection = DriverManager.getConnection(args[0], args[1], System.getenv().getOrDefault("MOLNKOLL_TEST_POSTGRES_PASSWORD", ""));
             var statement = connection.createStatement()) {
            statement.execute(args[2]);
        }
    }
}
