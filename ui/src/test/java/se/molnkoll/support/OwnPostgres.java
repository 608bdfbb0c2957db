package se.molnkoll.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, so that stopping and starting it disturbs nothing else on
 * the machine: initdb into a temporary directory, its own port on 127.0.0.1, trust authentication,
 * run as the {@code postgres} user when the tests run as root (PostgreSQL refuses to run as root).
 * Closing it stops it and removes the directory.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final Path bin;

    private OwnPostgres(Path directory, int port, Path bin) {
        this.directory = directory;
        this.port = port;
        this.bin = bin;
    }

    public static OwnPostgres start() {
        Path bin = binaries();
        try {
            Path directory = Files.createTempDirectory("molnkoll-postgres-");
            if (asRoot()) {
                UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(directory, postgres);
            }
            OwnPostgres server = new OwnPostgres(directory, freePort(), bin);
            server.run(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(), "-A", "trust",
                    "-U", "postgres", "--no-sync");
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A database on it, for Molnkoll. */
    public PostgresDatabase.Database database(String name) {
        run(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-c",
                "create database " + name);
        return new PostgresDatabase.Database("jdbc:postgresql://127.0.0.1:" + port + "/" + name, "postgres", "");
    }

    public void stop() {
        run(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    public void startAgain() {
        run(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-w", "-l",
                directory.resolve("postgres.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory + " -c fsync=off", "start");
    }

    @Override
    public void close() {
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it up in the end
        }
    }

    private void run(String... command) {
        List<String> line = new ArrayList<>();
        if (asRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", line) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server binaries of the newest PostgreSQL installed the Debian way (/usr/lib/postgresql/N/bin). */
    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("No initdb under /usr/lib/postgresql/*/bin"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL's server binaries are not under /usr/lib/postgresql", e);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
