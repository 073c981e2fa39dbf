package dev.custodian.server.verify;

/**
 * Keeps reading at or below {@code bytesPerSecond} on average: after each chunk, waits until the
 * time the bytes read so far are allowed to have taken has passed. 0 = no limit.
 */
final class Throttle {
    /** Waits; a seam for tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** The monotonic clock; a seam for tests. */
    @FunctionalInterface
    interface Ticker {
        long nanoTime();
    }

    private final long bytesPerSecond;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final long start;
    private long bytes;

    Throttle(long bytesPerSecond, Ticker ticker, Sleeper sleeper) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("rate must be >= 0: " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.start = ticker.nanoTime();
    }

    static Throttle of(long bytesPerSecond) {
        return new Throttle(bytesPerSecond, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Counts {@code n} more bytes read and waits as long as the rate requires. */
    void read(long n) throws InterruptedException {
        bytes += n;
        if (bytesPerSecond == 0) {
            return;
        }
        long allowedAt = start + (long) (bytes * 1e9 / bytesPerSecond);
        long wait = allowedAt - ticker.nanoTime();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
