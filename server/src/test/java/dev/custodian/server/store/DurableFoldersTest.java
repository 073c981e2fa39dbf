package dev.custodian.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFoldersTest {
    @TempDir
    Path root;

    @Test
    void createsMissingFoldersAndCompletesOnceTheirEntriesAreForced() throws Exception {
        try (DurableFolders folders = new DurableFolders(root)) {
            Path folder = root.resolve("ab").resolve("cd");
            CompletableFuture<Void> durable = folders.ensure(folder);
            assertThat(folder).isDirectory();
            DurableFolders.await(durable);
            await().until(() -> folders.inFlight() == 0);
            assertThat(folders.ensure(folder)).isCompleted();
        }
    }

    @Test
    void aFolderThatExistedNeedsNothing() throws Exception {
        Files.createDirectories(root.resolve("ef").resolve("01"));
        try (DurableFolders folders = new DurableFolders(root)) {
            assertThat(folders.ensure(root.resolve("ef").resolve("01"))).isCompleted();
            assertThat(folders.inFlight()).isZero();
        }
    }

    @Test
    void concurrentUsersOfNewFoldersAllWaitForTheirForce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (DurableFolders folders = new DurableFolders(root)) {
            List<Future<CompletableFuture<Void>>> all = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                Path folder = root.resolve("a" + (i % 4)).resolve("b" + (i % 8));
                all.add(pool.submit(() -> folders.ensure(folder)));
            }
            for (Future<CompletableFuture<Void>> f : all) {
                DurableFolders.await(f.get());
            }
            try (var listed = Files.list(root)) {
                assertThat(listed.count()).isEqualTo(4);
            }
            assertThat(root.resolve("a1").resolve("b5")).isDirectory();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedForceIsTheIoExceptionItWas() {
        IOException cause = new IOException("fsync failed");
        assertThatThrownBy(() -> DurableFolders.await(CompletableFuture.failedFuture(new UncheckedIOException(cause))))
                .isSameAs(cause);
    }

    @Test
    void aFolderThatCannotBeCreatedFailsAtOnce() throws Exception {
        Files.writeString(root.resolve("file"), "not a folder");
        try (DurableFolders folders = new DurableFolders(root)) {
            assertThatThrownBy(() -> folders.ensure(root.resolve("file").resolve("x"))).isInstanceOf(IOException.class);
        }
    }
}
