package dev.custodian.server.jobs;

import dev.custodian.server.index.DatabaseFailures;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * A periodic task's run of failures (the workers looking for work, the lease renewal, each once a
 * second or so), logged as one WARN line when it begins and one INFO line when it ends, instead
 * of a line per attempt while the database is down.
 */
final class Outage {
    private final AtomicInteger failures = new AtomicInteger();

    /** An attempt failed: WARN for the first of a run, DEBUG for the others. */
    void failed(Logger log, String what, RuntimeException e) {
        String why = DatabaseFailures.describe(e); // the innermost SQL error: "database or disk is full", "connection refused"
        if (failures.getAndIncrement() == 0) {
            log.warn("{}: {} (logged once until it works again)", what, why);
        } else {
            log.debug("{}: {}", what, why);
        }
    }

    /** An attempt succeeded: INFO when it ends a run of failures. */
    void ifEnded(Logger log, String message) {
        int n = failures.getAndSet(0);
        if (n > 0) {
            log.info("{} after {} failed attempt(s)", message, n);
        }
    }
}
