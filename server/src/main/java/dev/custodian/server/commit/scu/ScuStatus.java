package dev.custodian.server.commit.scu;

import java.util.Arrays;
import java.util.Optional;

/**
 * The state of a transaction as {@code GET /storage-commitment/{id}} shows it: Orthanc's
 * {@code Pending}, {@code Success} (every reference committed), {@code Failure} (the report names
 * failed instances) and Custodian's terminal {@code Timeout} (no complete report by the deadline).
 */
public enum ScuStatus {
    PENDING("Pending"), SUCCESS("Success"), FAILURE("Failure"), TIMEOUT("Timeout");

    private final String text;

    ScuStatus(String text) {
        this.text = text;
    }

    /** The name in JSON and in the database. */
    public String text() {
        return text;
    }

    public boolean finished() {
        return this != PENDING;
    }

    /** The status named {@code text} (case-insensitive), as a REST filter gives it. */
    public static Optional<ScuStatus> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.text.equalsIgnoreCase(text)).findFirst();
    }
}
