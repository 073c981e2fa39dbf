package dev.custodian.server.config;

/**
 * The jobs engine keys, Orthanc's names and defaults: {@code ConcurrentJobs} (2; 0 = one per
 * available processor, as Orthanc), {@code JobsHistorySize} (10 finished jobs kept), {@code
 * SaveJobs} (true: unfinished jobs resume after a restart).
 */
public record JobsConfig(int concurrentJobs, int historySize, boolean saveJobs) {
    public static final int MAX_CONCURRENT_JOBS = 1000;

    public JobsConfig {
        if (concurrentJobs < 0 || concurrentJobs > MAX_CONCURRENT_JOBS) {
            throw new ConfigException("ConcurrentJobs", "must be in 0.." + MAX_CONCURRENT_JOBS + ", got " + concurrentJobs);
        }
        if (historySize < 0) {
            throw new ConfigException("JobsHistorySize", "must be >= 0, got " + historySize);
        }
    }

    public static JobsConfig defaults() {
        return new JobsConfig(2, 10, true);
    }

    /** The number of workers: {@code ConcurrentJobs}, or the processor count when it is 0. */
    public int workers() {
        return concurrentJobs > 0 ? concurrentJobs : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
