package dev.custodian.interop.archive;

import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.dict.Uid;
import dev.custodian.interop.support.NamedThreads;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.SopReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load for a fault drill against {@link ArchiveServer}: {@code storers} associations each sending
 * new CT instances one after the other (each answer recorded: Success, the failure status, or
 * the association's end), and Storage Commitment requests for instances already answered Success,
 * one every {@code commitEvery}, by {@link CommitmentRequester} (each N-ACTION-RSP recorded);
 * optionally store jobs of the study to a peer, submitted through REST.
 */
final class DrillLoad implements AutoCloseable {
    static final String CT = Scu.CT;
    private static final String ROOT = "1.2.826.0.1.3680043.10.1137.13.";
    private static final int REFS_PER_REQUEST = 5;

    /** One C-STORE or N-ACTION outcome: the status code (-1: no response) and when it came. */
    record Outcome(int status, String detail, long nanos) {
        boolean success() {
            return status == 0;
        }
    }

    /** Every instance sent, by SOP Instance UID: its data set as sent (Explicit VR Little Endian). */
    final Map<String, byte[]> sent = new ConcurrentHashMap<>();
    /** The last outcome of each instance's C-STORE. */
    final Map<String, Outcome> stores = new ConcurrentHashMap<>();
    /** The commitment requests sent, and the outcome of each N-ACTION. */
    final Map<Commitment, Outcome> commitments = new ConcurrentHashMap<>();

    private final int port;
    private final Scu scu;
    private final CommitmentRequester modality;
    private final ExecutorService storers;
    private final ScheduledExecutorService committer =
            Executors.newSingleThreadScheduledExecutor(new NamedThreads("drill-committer"));
    private final ConcurrentLinkedDeque<String> committable = new ConcurrentLinkedDeque<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final String series = ROOT + new Random().nextInt(1_000_000) + ".";
    private final int storerCount;
    private final Duration commitEvery;
    /** Store jobs submitted through REST: job ID, or the HTTP status of a refused submission. */
    final Map<String, Integer> storeJobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService submitter =
            Executors.newSingleThreadScheduledExecutor(new NamedThreads("drill-store-jobs"));
    private volatile boolean stopping;

    DrillLoad(int port, Scu scu, CommitmentRequester modality, int storers, Duration commitEvery) {
        this.port = port;
        this.scu = scu;
        this.modality = modality;
        this.storerCount = storers;
        this.commitEvery = commitEvery;
        this.storers = Executors.newFixedThreadPool(storers, new NamedThreads("drill-storer"));
    }

    void start() {
        for (int i = 0; i < storerCount; i++) {
            storers.execute(this::storeLoop);
        }
        committer.scheduleWithFixedDelay(this::requestCommitment, commitEvery.toMillis(), commitEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Also submits, every {@code every}, an asynchronous store job of the whole study (as far as
     * indexed then) to {@code modality}, through REST on {@code http}.
     */
    void storeJobsTo(int http, String modality, Duration every) {
        String study = dev.custodian.server.index.OrthancIds.study(patientId(), studyUid());
        String body = "{ \"Resources\": [\"" + study + "\"], \"Synchronous\": false }";
        submitter.scheduleWithFixedDelay(() -> {
            if (stopping) {
                return;
            }
            try {
                var r = dev.custodian.interop.support.Http.post(http, "/modalities/" + modality + "/store",
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                storeJobs.put(r.statusCode() == 200
                        ? CommitmentRest.JSON.readTree(r.body()).get("ID").asText()
                        : "refused-" + storeJobs.size(), r.statusCode());
            } catch (IOException e) {
                storeJobs.put("unanswered-" + storeJobs.size(), -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops sending; waits for the requests in flight to be answered. */
    void stop() throws InterruptedException {
        stopping = true;
        committer.shutdown();
        submitter.shutdown();
        storers.shutdown();
        if (!storers.awaitTermination(90, TimeUnit.SECONDS) || !committer.awaitTermination(60, TimeUnit.SECONDS)
                || !submitter.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the load did not stop");
        }
    }

    long storesSucceededAfter(long nanos) {
        return stores.values().stream().filter(o -> o.success() && o.nanos() > nanos).count();
    }

    long commitmentsAcceptedAfter(long nanos) {
        return commitments.values().stream().filter(o -> o.success() && o.nanos() > nanos).count();
    }

    /** Stores one instance on a new association; its status code. */
    int storeAgain(String sopInstanceUid) throws Exception {
        try (DicomConnection c = scu.connect(port, ArchiveServer.AET)) {
            int status = store(c, sopInstanceUid);
            c.release();
            return status;
        }
    }

    private void storeLoop() {
        DicomConnection c = null;
        while (!stopping) {
            String uid = newInstance();
            try {
                if (c == null) {
                    c = scu.connect(port, ArchiveServer.AET);
                }
                int status = store(c, uid);
                stores.put(uid, new Outcome(status, "", System.nanoTime()));
                if (status == 0) {
                    committable.add(uid);
                }
            } catch (Exception e) {
                stores.put(uid, new Outcome(-1, e.toString(), System.nanoTime()));
                if (c != null) {
                    c.abort();
                    c = null;
                }
            }
        }
        if (c != null) {
            try {
                c.release();
            } catch (IOException e) {
                c.abort();
            }
        }
    }

    private int store(DicomConnection c, String uid) throws Exception {
        byte[] data = sent.get(uid);
        return c.store(CT, uid, Uid.ExplicitVRLittleEndian, out -> out.write(data)).get(60, TimeUnit.SECONDS)
                .status().code();
    }

    private String newInstance() {
        int n = counter.incrementAndGet();
        String uid = series + "3." + n;
        byte[] pixels = new byte[32 * 32 * 2];
        new Random(n).nextBytes(pixels);
        DataSet ds = new DataSet()
                .setString(Tag.SOPClassUID, VR.UI, CT)
                .setString(Tag.SOPInstanceUID, VR.UI, uid)
                .setString(Tag.Modality, VR.CS, "CT")
                .setString(Tag.PatientName, VR.PN, "Drill^Postgres")
                .setString(Tag.PatientID, VR.LO, "PGDRILL")
                .setString(Tag.StudyInstanceUID, VR.UI, series + "1")
                .setString(Tag.SeriesInstanceUID, VR.UI, series + "2")
                .setInt(Tag.Rows, VR.US, 32)
                .setInt(Tag.Columns, VR.US, 32)
                .setBytes(Tag.PixelData, VR.OW, pixels);
        try {
            sent.put(uid, DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uid;
    }

    String patientId() {
        return "PGDRILL";
    }

    String studyUid() {
        return series + "1";
    }

    String seriesUid() {
        return series + "2";
    }

    private void requestCommitment() {
        List<SopReference> refs = new ArrayList<>();
        for (String uid : committable) {
            refs.add(new SopReference(CT, uid));
            if (refs.size() == REFS_PER_REQUEST) {
                break;
            }
        }
        for (int i = 0; i < refs.size(); i++) {
            committable.poll();
        }
        if (refs.isEmpty() || stopping) {
            return;
        }
        Commitment c;
        try {
            c = modality.request(ArchiveServer.AET, port, refs);
        } catch (IOException | RuntimeException e) {
            return; // no association: nothing was asked
        }
        Outcome outcome;
        try {
            outcome = new Outcome(c.response().get(60, TimeUnit.SECONDS).status().code(), "", System.nanoTime());
        } catch (Exception e) {
            outcome = new Outcome(-1, e.toString(), System.nanoTime());
        }
        commitments.put(c, outcome);
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        committer.shutdownNow();
        submitter.shutdownNow();
        storers.shutdownNow();
        committer.awaitTermination(30, TimeUnit.SECONDS);
        storers.awaitTermination(30, TimeUnit.SECONDS);
    }
}
