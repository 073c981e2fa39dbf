package dev.custodian.interop.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code <prefix>-<n>}, remembered until they have ended, so that a test can
 * count the live ones (a leak check) and how many were made.
 */
public final class NamedThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public NamedThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + next.incrementAndGet());
        t.setDaemon(true);
        threads.removeIf(x -> x.getState() == Thread.State.TERMINATED);
        threads.add(t);
        return t;
    }

    /** Threads made here that are still alive. */
    public long alive() {
        return threads.stream().filter(Thread::isAlive).count();
    }

    /** How many threads were made here. */
    public int created() {
        return next.get();
    }
}
