package dev.custodian.bench.commit;

import dev.custodian.dicom.data.UuidUidGenerator;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.stgcmt.ActionInformationCodec;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.EventInformationCodec;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.ReportListener;
import dev.custodian.stgcmt.SopReference;
import dev.custodian.stgcmt.StorageCommitment;
import dev.custodian.stgcmt.StorageCommitmentScu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requesting modality: one association per request, released right after the N-ACTION-RSP (as
 * most modalities do), so the SCP delivers the report on a new association to {@code OUR_PORT}.
 * The clock starts just before that association is opened (a few milliseconds on 127.0.0.1) and
 * stops when the matching N-EVENT-REPORT has been decoded. The report is checked: every present instance committed, every
 * missing one failed. One untimed 100-instance request goes first, to warm this JVM up.
 */
final class CommitLatency {
    static final Duration REPORT_TIMEOUT = Duration.ofMinutes(30);
    private static final int MAX_REFERENCES = 1_000_000;

    record Run(int port, String calledAet, String ourAet, int ourPort, Path manifest, int n, int missingPercent,
               int repeats, Duration cap) {}

    private CommitLatency() {}

    static String measure(Run run) throws Exception {
        List<SopReference> stored = read(run.manifest(), run.n());
        ScheduledExecutorService artim = Executors.newSingleThreadScheduledExecutor(named("bench-artim"));
        ExecutorService workers = Executors.newCachedThreadPool(named("bench-worker"));
        AssociationRuntime runtime = new AssociationRuntime(named("bench-reader"), artim);
        StorageCommitmentScu scu = new StorageCommitmentScu(new ActionInformationCodec(MAX_REFERENCES),
                new EventInformationCodec(MAX_REFERENCES), REPORT_TIMEOUT, Duration.ZERO, ReportListener.REFUSE,
                workers);
        ServiceRegistry reports = ServiceRegistry.builder().verification()
                .eventReport(StorageCommitment.SOP_CLASS_UID, scu.eventReportHandler()).build();
        AssociationSettings settings = AssociationSettings.DEFAULT.withTimeouts(Duration.ofSeconds(30),
                Duration.ofMinutes(30)).withLimits(new PduLimits(116_794, 1 << 20, 4096));
        DicomServer server = DicomServer.start(DicomServerConfig.of(run.ourAet(),
                new AcceptorConfig("127.0.0.1", run.ourPort(), 8, settings, null), REPORT_TIMEOUT), reports,
                new DimseThreads(runtime, named("bench-acceptor")));
        try {
            DicomClient client = new DicomClient(run.ourAet(), RequestorConfig.plain(settings, Duration.ofSeconds(10),
                    Duration.ofSeconds(30)), REPORT_TIMEOUT, reports, runtime);
            // untimed, so that this JVM's own first-use costs (class loading, JIT) are not measured
            once(client, scu, run, request(stored.subList(0, Math.min(100, stored.size())), 0));
            double[] seconds = new double[run.repeats()];
            for (int r = 0; r < run.repeats(); r++) {
                seconds[r] = once(client, scu, run, request(stored, run.missingPercent()));
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "n %d missing %d%% median_s %.3f runs",
                    run.n(), run.missingPercent(), sorted[(sorted.length - 1) / 2]));
            for (double s : seconds) {
                line.append(String.format(Locale.ROOT, " %.3f", s));
            }
            return line.toString();
        } finally {
            server.close(Duration.ofSeconds(5));
            workers.shutdownNow();
            artim.shutdownNow();
        }
    }

    private static double once(DicomClient client, StorageCommitmentScu scu, Run run, Request req) throws Exception {
        long t0 = System.nanoTime();
        Commitment commitment = scu.request(client, new RemoteAe(run.calledAet(), "127.0.0.1", run.port()),
                req.request());
        // the cap counts from the request's start, so a timeout means the latency exceeded it
        long left = run.cap().toNanos() - (System.nanoTime() - t0);
        CommitmentReport report = commitment.report().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
        double s = (System.nanoTime() - t0) / 1e9;
        if (report.failed().size() != req.missing()
                || report.committed().size() != req.request().references().size() - req.missing()) {
            throw new IllegalStateException("unexpected report: " + report.committed().size() + " committed, "
                    + report.failed().size() + " failed, expected " + req.missing() + " failed");
        }
        return s;
    }

    private record Request(CommitmentRequest request, int missing) {}

    /** The first n stored references with every (100 / percent)-th replaced by a never-stored instance. */
    private static Request request(List<SopReference> stored, int missingPercent) {
        UuidUidGenerator uids = new UuidUidGenerator();
        List<SopReference> refs = new ArrayList<>(stored.size());
        int missing = 0;
        int every = missingPercent == 0 ? 0 : Math.max(1, 100 / missingPercent);
        for (int i = 0; i < stored.size(); i++) {
            if (every > 0 && i % every == every - 1) {
                refs.add(new SopReference(stored.get(i).sopClassUid(), uids.newUid()));
                missing++;
            } else {
                refs.add(stored.get(i));
            }
        }
        return new Request(new CommitmentRequest(uids.newUid(), refs), missing);
    }

    private static List<SopReference> read(Path manifest, int n) throws IOException {
        List<SopReference> refs = new ArrayList<>(n);
        try (var lines = Files.lines(manifest, StandardCharsets.US_ASCII)) {
            lines.limit(n).forEach(l -> {
                int space = l.indexOf(' ');
                refs.add(new SopReference(l.substring(0, space), l.substring(space + 1)));
            });
        }
        if (refs.size() < n) {
            throw new IllegalArgumentException(manifest + " lists " + refs.size() + " instances, fewer than " + n);
        }
        return refs;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
