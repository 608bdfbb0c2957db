package se.molnkoll.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Molnkoll as a process of its own: the application jar this build made ({@code target/molnkoll.jar}),
 * started with {@code java -jar} on PostgreSQL, as an operator would. It can be stopped, or killed
 * with SIGKILL (nothing in the process gets to clean up), and started again on the same port. Its
 * output goes to {@code target/processes/<name>.log}.
 */
public final class ProcessMolnkoll implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final int port;
    private final List<String> properties;
    /** Started through {@link MovableClockProcess}, its clock moved by a file; null: as an operator starts it. */
    private Path clockFile;
    private Process process;

    private ProcessMolnkoll(String name, int port, List<String> properties) {
        this.name = name;
        this.port = port;
        this.properties = properties;
    }

    /**
     * As {@link #start}, but the process's clock runs ahead by what {@code clockFile} says
     * ({@link MovableClockProcess#move}): the same jar, started through Spring Boot's PropertiesLauncher
     * with {@link MovableClockProcess} (copied out of the test classes, alone) as its main class.
     */
    public static ProcessMolnkoll startWithMovableClock(String name, PostgresDatabase.Database database, Path clockFile,
                                                        String... more) {
        List<String> withClock = new ArrayList<>(List.of("molnkoll.test.clock-file=" + clockFile.toAbsolutePath()));
        withClock.addAll(List.of(more));
        ProcessMolnkoll instance = new ProcessMolnkoll(name, freePort(), properties(name, database, withClock));
        instance.clockFile = clockFile;
        instance.start();
        return instance;
    }

    /** Starts an instance named {@code name} on the database with these more properties, and waits until it is live. */
    public static ProcessMolnkoll start(String name, PostgresDatabase.Database database, String... more) {
        ProcessMolnkoll instance = new ProcessMolnkoll(name, freePort(), properties(name, database, List.of(more)));
        instance.start();
        return instance;
    }

    /** An instance's properties: its database, the postgres profile, demo users, its own name and data directory, and more. */
    private static List<String> properties(String name, PostgresDatabase.Database database, List<String> more) {
        List<String> properties = new ArrayList<>(List.of(database.properties()));
        properties.addAll(List.of("spring.profiles.active=postgres", "molnkoll.demo-users=true",
                "molnkoll.node-id=" + name, "molnkoll.data-dir=target/processes/" + name));
        properties.addAll(more);
        return properties;
    }

    /** Starts it (again), and waits until it answers its liveness probe. */
    public void start() {
        Path jar = Path.of("target", "molnkoll.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: these tests run after the package phase");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+ExitOnOutOfMemoryError"));
        if (clockFile == null) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-Dloader.path=" + movableClockClasses(), "-Dloader.main=" + MovableClockProcess.class.getName(),
                    "-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
        }
        command.add("--server.port=" + port);
        properties.forEach(p -> command.add("--" + p));
        try {
            File log = Path.of("target", "processes", name + ".log").toFile();
            Files.createDirectories(log.toPath().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see target/processes/" + name + ".log");
            }
            try {
                if (api().anonymous().get("/actuator/health/liveness").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not start within " + START_TIMEOUT);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    /** SIGKILL: the process ends at once, mid-request, mid-transaction, its claims left standing. */
    public void kill() {
        process.destroyForcibly();
        await();
    }

    /** SIGTERM: a graceful stop (segments released, requests finished). */
    public void stop() {
        process.destroy();
        await();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public Api api() {
        return Api.at(port);
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (isAlive()) {
            kill();
        }
    }

    private void await() {
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException(name + " did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A directory holding only {@link MovableClockProcess}'s classes, for the launcher's loader.path. */
    private static synchronized String movableClockClasses() {
        try {
            Path classes = Path.of(MovableClockProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String pkg = MovableClockProcess.class.getPackageName().replace('.', '/');
            Path target = Path.of("target", "processes", "movable-clock");
            Files.createDirectories(target.resolve(pkg));
            try (var files = Files.list(classes.resolve(pkg))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("MovableClockProcess")).toList()) {
                    Files.copy(file, target.resolve(pkg).resolve(file.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target.toAbsolutePath().toString();
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
