package dev.custodian.interop.net;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, remembered so that a test can count the live ones (leak check). */
final class TrackingThreadFactory implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    TrackingThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + next.incrementAndGet());
        t.setDaemon(true);
        threads.removeIf(x -> !x.isAlive() && x.getState() == Thread.State.TERMINATED);
        threads.add(t);
        return t;
    }

    long alive() {
        return threads.stream().filter(Thread::isAlive).count();
    }

    int created() {
        return next.get();
    }
}
