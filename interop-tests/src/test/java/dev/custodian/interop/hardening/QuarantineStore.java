package dev.custodian.interop.hardening;

import dev.custodian.net.dimse.CStoreRq;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.CStoreService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A C-STORE SCP as an archive does it: the data set goes to a file under {@code incoming} and is
 * moved to {@code stored} only once it has arrived whole; when reading it fails, the partial file
 * is deleted. Every outcome is reported in {@link #outcomes}.
 */
final class QuarantineStore implements CStoreService {
    /** What became of one C-STORE: the bytes kept, or the failure the data set stream raised. */
    record Outcome(String sopInstanceUid, long bytes, IOException failure) {
    }

    final Path incoming;
    final Path stored;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();

    QuarantineStore(Path root) throws IOException {
        this.incoming = Files.createDirectories(root.resolve("incoming"));
        this.stored = Files.createDirectories(root.resolve("stored"));
    }

    @Override
    public Status store(RequestContext context, CStoreRq request, InputStream dataSet) throws IOException {
        String uid = request.affectedSopInstanceUid();
        Path part = Files.createTempFile(incoming, uid, ".part");
        long bytes;
        try (OutputStream out = Files.newOutputStream(part)) {
            bytes = dataSet.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            outcomes.add(new Outcome(uid, -1, e));
            throw e;
        }
        Files.move(part, stored.resolve(uid + ".dcm"), StandardCopyOption.ATOMIC_MOVE);
        outcomes.add(new Outcome(uid, bytes, null));
        return Status.SUCCESS;
    }

    /** The next outcome, waiting at most 20 s for it. */
    Outcome next() throws InterruptedException {
        Outcome o = outcomes.poll(20, TimeUnit.SECONDS);
        if (o == null) {
            throw new AssertionError("the C-STORE service reported no outcome within 20 s");
        }
        return o;
    }

    /** Outcomes not yet taken by {@link #next()}. */
    int pending() {
        return outcomes.size();
    }
}
