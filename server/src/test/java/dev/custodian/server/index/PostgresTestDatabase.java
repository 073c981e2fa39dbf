package dev.custodian.server.index;

import dev.custodian.server.config.PostgresConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the test PostgreSQL server named by CUSTODIAN_TEST_PG_HOST / PORT / USER /
 * PASSWORD ({@code scripts/pg-test-server.sh} starts it and writes them to
 * {@code target/pg-test-env.sh}). Missing variables fail the test: CI must run it.
 */
public final class PostgresTestDatabase implements AutoCloseable {
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name = "custodian_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    public PostgresTestDatabase() throws SQLException {
        this.host = env("CUSTODIAN_TEST_PG_HOST");
        this.port = Integer.parseInt(env("CUSTODIAN_TEST_PG_PORT"));
        this.user = env("CUSTODIAN_TEST_PG_USER");
        this.password = System.getenv().getOrDefault("CUSTODIAN_TEST_PG_PASSWORD", "");
        admin("CREATE DATABASE " + name);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new AssertionError(name + " is not set: the PostgreSQL index tests need the test server. "
                    + "Run scripts/pg-test-server.sh, then 'source target/pg-test-env.sh' (scripts/test.sh does both).");
        }
        return value;
    }

    public PostgresConfig config() {
        return new PostgresConfig(true, host, port, name, user, password, 8);
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
