package dev.custodian.server.index;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.config.PostgresConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The index database: a connection pool, migrated to the current schema by Flyway from
 * {@code db/migration/<dialect>}. SQLite runs in WAL mode with {@code synchronous=NORMAL}: a
 * committed transaction survives a crash of the process, and at a power loss only the last
 * commits can roll back — their files are complete and fsynced, and the start-up {@link Recovery}
 * indexes them again, so no acknowledged instance is lost. Writes go through one {@link GroupCommit}
 * (SQLite has one writer; on PostgreSQL it saves a WAL flush per caller).
 *
 * <p>SQLite's automatic checkpoint is off: it would run inside the commit of whichever writer
 * crosses the WAL threshold, adding two fsyncs to that C-STORE's answer. A {@link WalCheckpointer}
 * thread copies the WAL back instead (a PASSIVE checkpoint, which does not block writers).
 */
public final class IndexDatabase implements AutoCloseable {
    static final String SQLITE_FILE = "custodian-index.db";
    /** Most write transactions of concurrent callers committed together. */
    private static final int MAX_BATCH = 32;
    /** Runs of a write whose concurrent writer won a race (see {@link GroupCommit}). */
    private static final int WRITE_ATTEMPTS = 5;

    /** SQL dialect; the only differences are the migrations and the writer lock. */
    public enum Dialect { SQLITE, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final String description;
    private final Jdbi jdbi;
    private final GroupCommit writer;
    private final WalCheckpointer checkpointer;

    private IndexDatabase(HikariDataSource dataSource, Dialect dialect, String description) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + dialect.name().toLowerCase(java.util.Locale.ROOT))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        this.jdbi = Jdbi.create(dataSource);
        this.writer = new GroupCommit(jdbi, MAX_BATCH, WRITE_ATTEMPTS);
        this.checkpointer = dialect == Dialect.SQLITE ? WalCheckpointer.start(jdbi, writer, WalCheckpointer.DEFAULT_INTERVAL)
                : null;
    }

    /** Opens the database the configuration names: PostgreSQL if enabled, else SQLite in IndexDirectory. */
    public static IndexDatabase open(CustodianConfig config) throws IOException {
        if (config.usesPostgresIndex()) {
            return postgres(config.postgresql().orElseThrow());
        }
        Files.createDirectories(config.indexDirectory());
        return sqlite(config.indexDirectory().resolve(SQLITE_FILE));
    }

    public static IndexDatabase sqlite(Path file) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(30_000);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "0");
        SQLiteDataSource raw = new SQLiteDataSource(sqlite);
        raw.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(raw);
        hikari.setPoolName("index-sqlite");
        hikari.setMaximumPoolSize(4);
        hikari.setConnectionTimeout(30_000);
        return new IndexDatabase(new HikariDataSource(hikari), Dialect.SQLITE, "SQLite " + file.toAbsolutePath());
    }

    public static IndexDatabase postgres(PostgresConfig pg) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(pg.jdbcUrl());
        hikari.setUsername(pg.username());
        hikari.setPassword(pg.password());
        hikari.setPoolName("index-postgresql");
        hikari.setMaximumPoolSize(pg.maximumPoolSize());
        hikari.setConnectionTimeout(30_000);
        return new IndexDatabase(new HikariDataSource(hikari), Dialect.POSTGRESQL,
                "PostgreSQL " + pg.host() + ":" + pg.port() + "/" + pg.database());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** For log lines and {@code /system}: "SQLite /path/file" or "PostgreSQL host:port/db". */
    public String description() {
        return description;
    }

    /** Where every write transaction runs. */
    GroupCommit writer() {
        return writer;
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        writer.close();
        dataSource.close();
    }
}
