package dev.custodian.server.tools;

import dev.custodian.dicom.dict.UidDictionary;
import dev.custodian.net.dimse.AssociationChannel;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.dimse.NoPresentationContextException;
import dev.custodian.net.service.AssociationEndedException;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.service.StorageProposals;
import dev.custodian.stgcmt.RemoteAe;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * C-STORE SCU of files (PS3.4 Annex B), what {@code storescu +sd} does: one association for all
 * of them, proposing per SOP class each transfer syntax of its files plus Explicit and Implicit VR
 * Little Endian ({@link StorageProposals}); the files that need more than 128 presentation
 * contexts go on further associations, one per batch of SOP classes. Each file is sent as it is,
 * or transcoded to an uncompressed syntax when the peer refused its own
 * ({@link DicomConnection#store(java.nio.file.Path)}). A file the peer fails is reported and the
 * next one sent; an association that cannot be established or breaks stops the run.
 */
final class StoreRun {
    private final ToolRuntime runtime;
    private final RemoteAe peer;
    private final String callingAet;
    private final Progress progress;
    private final UidDictionary names = UidDictionary.standard();

    StoreRun(ToolRuntime runtime, RemoteAe peer, String callingAet, Progress progress) {
        this.runtime = runtime;
        this.peer = peer;
        this.callingAet = callingAet;
        this.progress = progress;
    }

    StoreOutcome run(List<DicomInput> files) {
        long start = System.nanoTime();
        List<StoreOutcome.Result> results = new ArrayList<>();
        String stopped = null;
        int stoppedCode = ExitCodes.OK;
        try {
            DicomClient client = runtime.client(callingAet, ServiceRegistry.builder().build());
            for (List<DicomInput> batch : StorageProposals.batches(files, DicomInput::sopClassUid,
                    DicomInput::transferSyntaxUid)) {
                DicomConnection c = client.connect(peer.host(), peer.port(), StorageProposals.addContexts(
                        client.propose(peer.aeTitle()), StorageProposals.syntaxesBySopClass(batch,
                                DicomInput::sopClassUid, DicomInput::transferSyntaxUid)).build());
                Stop stop = send(c, batch, results);
                if (stop != null) {
                    c.abort();
                    stopped = "association with " + Peers.name(peer) + " stopped after " + results.size() + " of "
                            + files.size() + " files: " + stop.why();
                    stoppedCode = stop.code();
                    break;
                }
                Peers.releaseQuietly(c);
            }
        } catch (IOException e) {
            stopped = "cannot associate with " + Peers.name(peer) + ": " + runtime.connectFailure(e);
            stoppedCode = ExitCodes.REFUSED;
        }
        return new StoreOutcome(peer, results, files.size(), stopped, stoppedCode,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private record Stop(String why, int code) {}

    /** One file's result, and a reason to stop when the association broke on it. */
    private record Attempt(StoreOutcome.Result result, Stop stop) {}

    /** Sends {@code batch} on {@code c}; a reason to stop when the association broke. */
    private Stop send(DicomConnection c, List<DicomInput> batch, List<StoreOutcome.Result> results) {
        for (DicomInput f : batch) {
            Attempt a = sendOne(c, f);
            if (a.result() != null) {
                results.add(a.result());
                progress.sent(f, a.result().stored());
            }
            if (a.stop() != null) {
                return a.stop();
            }
        }
        return null;
    }

    private Attempt sendOne(DicomConnection c, DicomInput f) {
        try {
            CStoreRsp rsp = c.store(f.path()).get(runtime.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Attempt(new StoreOutcome.Result(f, rsp.status(), null), null);
        } catch (TimeoutException e) {
            String why = "no C-STORE response within " + Durations.words(runtime.timeout());
            return new Attempt(new StoreOutcome.Result(f, null, why), new Stop(why, ExitCodes.TIMEOUT));
        } catch (ExecutionException e) {
            Throwable cause = Failures.unwrap(e);
            String why = Failures.describe(cause);
            if (cause instanceof AssociationEndedException || !isOpen(c)) {
                return new Attempt(new StoreOutcome.Result(f, null, why), new Stop(why, Failures.exitCode(cause)));
            }
            if (cause instanceof NoPresentationContextException) {
                why = "the peer accepted no presentation context for " + names.nameOf(f.sopClassUid()) + " in "
                        + names.nameOf(f.transferSyntaxUid());
            }
            return new Attempt(new StoreOutcome.Result(f, null, why), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, new Stop("interrupted", ExitCodes.REFUSED));
        }
    }

    /** False once the association ended: a failure is then the association's, not the file's. */
    private static boolean isOpen(DicomConnection c) {
        return !(c.session().channel() instanceof AssociationChannel a) || a.association().isOpen();
    }
}
