package se.molnkoll.query.runtime;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import se.molnkoll.query.persistence.BulkLoading;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadFactory;

/**
 * Where a blue/green rebuild writes: the schema {@value #NAME}, which holds a table of the same name for
 * each read-model table. The rebuild's processors run on threads from {@link #threads}; a connection such
 * a thread takes finds {@value #NAME} first on its search path (so the projections' unchanged SQL writes
 * there, and Axon's own tables and the row-id sequence are still found in the default schema), and gets
 * its search path back before it returns to the pool. Every other thread's connection is left as it is.
 * A rebuild thread's connection loads its rows in bulk ({@link BulkLoading}): no one reads its tables yet.
 *
 * <p>A connection is refused to a rebuild thread if {@value #NAME} does not exist: its writes would
 * otherwise go to the tables that serve.
 */
@Component
class RebuildSchema implements BeanPostProcessor {

    static final String NAME = "molnkoll_rebuild";

    private static final ThreadLocal<Boolean> REBUILDING = ThreadLocal.withInitial(() -> false);

    /** Threads for a rebuild processor: their connections write into {@value #NAME}. */
    static ThreadFactory threads(String processorName) {
        return task -> {
            Thread thread = new Thread(() -> {
                REBUILDING.set(true);
                task.run();
            }, processorName);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Whether this thread writes into the rebuild's schema. */
    static boolean onRebuildThread() {
        return REBUILDING.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof RebuildAware) ? new RebuildAware(dataSource) : bean;
    }

    /** The application's data source, which gives the rebuild's threads connections into {@value #NAME}. */
    static final class RebuildAware extends DelegatingDataSource {

        RebuildAware(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return REBUILDING.get() ? intoRebuild(super.getConnection()) : super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return REBUILDING.get() ? intoRebuild(super.getConnection(username, password)) : super.getConnection(username, password);
        }

        private static Connection intoRebuild(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet exists = statement.executeQuery("select to_regnamespace('" + NAME + "') is not null,"
                         + " set_config('search_path', '" + NAME + ", ' || current_setting('search_path'), false)")) {
                exists.next();
                boolean there = exists.getBoolean(1);
                if (!there) statement.execute("reset search_path");
                if (!connection.getAutoCommit()) connection.commit(); // a SET in a transaction rolled back would be undone
                if (!there) throw new SQLException("The rebuild's schema " + NAME + " does not exist: no rebuild is running");
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return (Connection) Proxy.newProxyInstance(RebuildSchema.class.getClassLoader(), new Class<?>[]{Connection.class, BulkLoading.class},
                    new ResetOnClose(connection));
        }
    }

    /** Gives the connection its own search path back before it goes back to the pool. */
    private record ResetOnClose(Connection connection) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && !connection.isClosed()) {
                try (Statement statement = connection.createStatement()) {
                    boolean autoCommit = connection.getAutoCommit();
                    if (!autoCommit) connection.rollback(); // nothing of the rebuild's work is left open when it is returned
                    statement.execute("reset search_path");
                    if (!autoCommit) connection.commit(); // or the pool's rollback would undo the reset
                } catch (SQLException e) {
                    // a broken connection: the pool finds it so and drops it
                }
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
