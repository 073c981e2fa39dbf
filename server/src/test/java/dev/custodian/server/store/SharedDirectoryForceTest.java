package dev.custodian.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedDirectoryForceTest {
    private static final Path DIR = Path.of("/storage/ab/cd");
    private static final Path OTHER = Path.of("/storage/12/34");

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** A force that counts its calls and, while {@code gate} is closed, blocks in the first one. */
    private static final class GatedForce implements SharedDirectoryForce.Force {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final List<Path> dirs = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void force(Path dir) throws IOException {
            dirs.add(dir);
            if (started.incrementAndGet() == 1) {
                firstStarted.countDown();
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            finished.incrementAndGet();
        }
    }

    private CompletableFuture<Void> forceAsync(SharedDirectoryForce shared, Path dir) {
        return CompletableFuture.runAsync(() -> {
            try {
                shared.force(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, threads);
    }

    @Test
    void aLoneCallerForcesOncePerCall() throws Exception {
        AtomicInteger forces = new AtomicInteger();
        SharedDirectoryForce shared = new SharedDirectoryForce(d -> forces.incrementAndGet());
        shared.force(DIR);
        shared.force(DIR);
        assertThat(forces).hasValue(2);
        assertThat(shared.folders()).as("an idle folder is forgotten").isZero();
    }

    @Test
    void callersArrivingDuringAForceShareTheNextOneAndNeverReturnOnTheEarlierOne() throws Exception {
        GatedForce slow = new GatedForce();
        SharedDirectoryForce shared = new SharedDirectoryForce(slow);
        CompletableFuture<Void> first = forceAsync(shared, DIR);
        assertThat(slow.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Void>> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(forceAsync(shared, DIR));
        }
        // all five have arrived while force 1 runs (their renames came after it started)
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> shared.callers(DIR) == 6);
        slow.gate.countDown();
        first.get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(slow.started).as("force 1 did not count for them; one more covered all five").hasValue(2);
        assertThat(slow.finished).hasValue(2);
        assertThat(shared.folders()).isZero();
    }

    @Test
    void foldersAreForcedApart() throws Exception {
        GatedForce slow = new GatedForce();
        SharedDirectoryForce shared = new SharedDirectoryForce(slow);
        CompletableFuture<Void> first = forceAsync(shared, DIR);
        assertThat(slow.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        shared.force(OTHER); // not held up by, nor covered by, the force of DIR in progress
        assertThat(slow.dirs).containsExactly(DIR, OTHER);
        assertThat(first).isNotDone();
        slow.gate.countDown();
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFailedForceFailsItsCallersAndTheNextCallerForcesAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SharedDirectoryForce shared = new SharedDirectoryForce(d -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("EIO");
            }
        });
        assertThatThrownBy(() -> shared.force(DIR)).isInstanceOf(IOException.class).hasMessage("EIO");
        shared.force(DIR);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aRuntimeFailureIsAnIoFailureNotASuccess() {
        SharedDirectoryForce shared = new SharedDirectoryForce(d -> {
            throw new IllegalStateException("closed");
        });
        assertThatThrownBy(() -> shared.force(DIR)).isInstanceOf(IOException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
