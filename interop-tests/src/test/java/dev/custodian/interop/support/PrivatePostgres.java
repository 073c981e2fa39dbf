package dev.custodian.interop.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A PostgreSQL server of one test's own, for drills that restart or kill it: initialised by
 * {@code initdb} into a fresh folder under /tmp (owned by the {@code postgres} user, run through
 * {@code runuser} when we are root), listening on a free port of 127.0.0.1 only, its socket in
 * that folder. Never the shared test server of {@code scripts/pg-test-server.sh}. {@link #close()}
 * stops it with {@code pg_ctl} on its own data folder and deletes the folder.
 */
public final class PrivatePostgres implements AutoCloseable {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    public static final String USER = "postgres";

    private final Path bin;
    private final Path root;
    private final Path data;
    private final Path log;
    private final int port;

    private PrivatePostgres(Path bin, Path root, int port) {
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.log = root.resolve("server.log");
        this.port = port;
    }

    /** Initialises and starts a new server on a free port. */
    public static PrivatePostgres start() throws IOException {
        Path bin = binaries();
        Path root = Files.createTempDirectory(Path.of("/tmp"), "custodian-pg-private-");
        PrivatePostgres pg = new PrivatePostgres(bin, root, Ports.freePort());
        try {
            if (!isUser(USER)) {
                Tools.run(LIMIT, "chown", USER + ":" + USER, root.toString()).requireSuccess("chown");
            }
            pg.asPostgres(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", USER, "-A", "trust",
                    "-E", "UTF8", "--no-locale").requireSuccess("initdb");
            pg.startServer().requireSuccess("pg_ctl start");
            return pg;
        } catch (RuntimeException | Error e) {
            pg.close();
            throw e;
        }
    }

    /** The newest installed PostgreSQL's bin folder. */
    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new AssertionError("PostgreSQL is not installed"));
        }
    }

    public int port() {
        return port;
    }

    /** The postmaster's process ID (first line of {@code postmaster.pid}). */
    public long pid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    /** Creates a database; the {@code "PostgreSQL"} configuration key of Custodian for it. */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "\"PostgreSQL\": { \"EnableIndex\": true, \"Host\": \"127.0.0.1\", \"Port\": " + port
                + ", \"Database\": \"" + name + "\", \"Username\": \"" + USER + "\", \"Password\": \"\" }";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** {@code pg_ctl restart -m fast}: sessions are terminated, open transactions roll back. */
    public void restartFast() {
        asPostgres(pgCtl("restart", "-m", "fast")).requireSuccess("pg_ctl restart");
    }

    /**
     * SIGKILL of the postmaster alone, then a new start. The old backends notice that their
     * postmaster died and exit; until the last one has, the new postmaster refuses to start (the
     * old shared memory is still attached), so the start is tried again until it succeeds.
     */
    public void killAndStart() throws IOException {
        long pid = pid();
        Tools.run(LIMIT, "kill", "-9", Long.toString(pid)).requireSuccess("kill -9 " + pid);
        Awaitility.await("postmaster " + pid + " gone").atMost(LIMIT).pollInterval(Duration.ofMillis(20))
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        Tools.Result[] last = new Tools.Result[1];
        Awaitility.await("PostgreSQL started again after kill -9").atMost(LIMIT).pollInterval(Duration.ofMillis(200))
                .until(() -> (last[0] = startServer()).exitCode() == 0);
    }

    /** Whether the server accepts connections now. */
    public boolean accepting() {
        return asPostgres(bin.resolve("pg_isready").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-t", "1").exitCode() == 0;
    }

    private Tools.Result startServer() {
        return asPostgres(pgCtl("start", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + root
                + " -c fsync=off"));
    }

    private String[] pgCtl(String action, String... options) {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w",
                "-t", "60", "-l", log.toString()));
        cmd.addAll(List.of(options));
        cmd.add(action);
        return cmd.toArray(String[]::new);
    }

    private Tools.Result asPostgres(String... command) {
        List<String> cmd = new ArrayList<>();
        if (!isUser(USER)) {
            if (isUser("root")) {
                cmd.addAll(List.of("runuser", "-u", USER, "--"));
            } else {
                cmd.addAll(List.of("sudo", "-u", USER));
            }
        }
        cmd.addAll(List.of(command));
        return Tools.run(LIMIT, cmd);
    }

    private static boolean isUser(String name) {
        return name.equals(System.getProperty("user.name"));
    }

    /** The server's own log (for a failure message). */
    public String serverLog() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Stops this server (immediate shutdown, by its data folder) and deletes its folder. */
    @Override
    public void close() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            asPostgres(pgCtl("stop", "-m", "immediate"));
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover folder under /tmp is harmless
        }
    }
}
