package se.molnkoll.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.molnkoll.MolnkollApplication;

/**
 * A whole Molnkoll started and stopped by the test itself, for what one Spring test context cannot
 * show: a restart on the same database, two instances on one database.
 */
public final class RunningMolnkoll implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningMolnkoll(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts with the test profile and these properties, given as command-line arguments so that they win. */
    public static RunningMolnkoll start(String... properties) {
        return startWith(new Class<?>[0], properties);
    }

    /** Starts as {@link #start}, with these configuration classes of the test's own added. */
    public static RunningMolnkoll startWith(Class<?>[] configurations, String... properties) {
        String[] arguments = java.util.stream.Stream.concat(java.util.stream.Stream.of("server.port=0"),
                java.util.Arrays.stream(properties)).map(p -> "--" + p).toArray(String[]::new);
        Class<?>[] sources = java.util.stream.Stream.concat(java.util.stream.Stream.of(MolnkollApplication.class, TestClock.class),
                java.util.Arrays.stream(configurations)).toArray(Class<?>[]::new);
        return new RunningMolnkoll(new SpringApplicationBuilder(sources).profiles("test").run(arguments));
    }

    /** The embedded database as Molnkoll keeps it by default: in files under this directory, to start on again. */
    public static String h2FilesIn(java.nio.file.Path directory) {
        return "spring.datasource.url=jdbc:h2:file:" + directory.resolve("molnkoll")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /** The executor of Tomcat's request threads. */
    public java.util.concurrent.Executor requestThreads() {
        org.springframework.boot.web.embedded.tomcat.TomcatWebServer server = (org.springframework.boot.web.embedded.tomcat.TomcatWebServer)
                ((org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext) context).getWebServer();
        return server.getTomcat().getConnector().getProtocolHandler().getExecutor();
    }

    public Api api() {
        return Api.at(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    /** The commands this instance sent again after they collided with a concurrent change. */
    public double commandsRetried() {
        return bean(io.micrometer.core.instrument.MeterRegistry.class).counter("molnkoll.commands.retried").count();
    }

    /** Events in the event store: what a refused request must not add to. */
    public long storedEvents() {
        return count("select count(*) from domain_event_entry");
    }

    /** Evidence documents stored. */
    public long storedDocuments() {
        return count("select count(*) from evidence_document");
    }

    private long count(String sql) {
        Long count = bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
