package dev.custodian.server.commit.plugin;

import dev.custodian.commit.spi.CheckUnavailableException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where plug-in code runs: a bounded pool of daemon threads {@code commit-plugin-N} (a plug-in
 * that hangs keeps its thread, but never a job thread, and cannot keep the JVM from stopping),
 * each call under {@code StorageCommitmentPluginTimeout}, with the plug-in's class loader as the
 * thread's context class loader.
 */
public final class PluginCalls implements AutoCloseable {
    /** Threads for plug-in calls; more than the jobs that may ask at once, so one hung call leaves room. */
    public static final int THREADS = 8;
    private static final int QUEUE = 256;

    private final ThreadPoolExecutor executor;
    private final Duration timeout;

    public PluginCalls(Duration timeout) {
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "commit-plugin-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    Duration timeout() {
        return timeout;
    }

    /** Runs one call (start, open, close) and waits for it at most the timeout. */
    <T> T call(ClassLoader plugin, Callable<T> call) throws PluginCallFailure {
        Future<T> future = submit(() -> withContextLoader(plugin, call));
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginCallFailure(PluginCallFailure.Kind.TIMED_OUT, "did not answer within " + seconds(), e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCallFailure(PluginCallFailure.Kind.UNAVAILABLE, "interrupted while waiting", e);
        }
    }

    <T> Future<T> submit(Callable<T> task) throws PluginCallFailure {
        try {
            return executor.submit(task);
        } catch (RejectedExecutionException e) {
            throw new PluginCallFailure(PluginCallFailure.Kind.REJECTED,
                    "all " + THREADS + " plug-in threads are busy and " + QUEUE + " calls wait", e);
        }
    }

    static <T> T withContextLoader(ClassLoader loader, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    static PluginCallFailure failure(Throwable t) {
        if (t instanceof CheckUnavailableException) {
            return new PluginCallFailure(PluginCallFailure.Kind.UNAVAILABLE, String.valueOf(t.getMessage()), t);
        }
        return new PluginCallFailure(PluginCallFailure.Kind.THREW, "threw " + t, t);
    }

    String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** Stops taking calls; calls still running are interrupted (their threads are daemons). */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
