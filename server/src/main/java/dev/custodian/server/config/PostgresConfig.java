package dev.custodian.server.config;

import java.util.Objects;

/**
 * The {@code "PostgreSQL"} section, with the key names of Orthanc's PostgreSQL plug-in.
 * Only {@code EnableIndex: true} switches the index to PostgreSQL.
 */
public record PostgresConfig(
        boolean enableIndex,
        String host,
        int port,
        String database,
        String username,
        String password,
        int maximumPoolSize) {

    public PostgresConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535: " + port);
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("pool size must be >= 1: " + maximumPoolSize);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
