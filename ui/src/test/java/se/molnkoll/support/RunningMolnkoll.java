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
        String[] arguments = java.util.stream.Stream.concat(java.util.stream.Stream.of("server.port=0"),
                java.util.Arrays.stream(properties)).map(p -> "--" + p).toArray(String[]::new);
        return new RunningMolnkoll(new SpringApplicationBuilder(MolnkollApplication.class, TestClock.class)
                .profiles("test")
                .run(arguments));
    }

    public Api api() {
        return Api.at(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    /** The commands this instance sent again after they collided with a concurrent change. */
    public double commandsRetried() {
        return bean(io.micrometer.core.instrument.MeterRegistry.class).counter("molnkoll.commands.retried").count();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
