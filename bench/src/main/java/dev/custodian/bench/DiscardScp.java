package dev.custodian.bench;

import dev.custodian.dicom.dict.ElementDictionary;
import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.CStoreRq;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.CStoreService;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.service.StorageSopClasses;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A C-STORE SCP (PS3.4 Annex B) that reads every data set to its end and throws it away, answering
 * Success: the network layer's share of ingest, measured against DCMTK {@code storescp --ignore}
 * by {@code bench/scripts/ingest-bench.sh}. Accepts every standard Storage SOP class with the
 * default storage transfer syntaxes (uncompressed first, encapsulated ones passed through) and
 * Verification. Runs until killed; logs the totals at exit.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.custodian.bench.DiscardScp AET PORT [maxPdu]}
 */
public final class DiscardScp {
    private static final Logger LOG = LoggerFactory.getLogger(DiscardScp.class);
    /** Largest P-DATA-TF we announce unless told otherwise: storescp's default, for a like-for-like run. */
    static final int DEFAULT_MAX_PDU = 16_384;
    private static final int MAX_ASSOCIATIONS = 64;

    private DiscardScp() {
    }

    /** Command line: AET, port, optional maximum PDU length we receive. */
    record Args(String aeTitle, int port, int maxPdu) {
        Args {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (maxPdu < 4096) {
                throw new IllegalArgumentException("maxPdu below 4096: " + maxPdu);
            }
        }

        static Args parse(String[] args) {
            if (args.length < 2 || args.length > 3) {
                throw new IllegalArgumentException("usage: DiscardScp AET PORT [maxPdu]");
            }
            return new Args(args[0], Integer.parseInt(args[1]),
                    args.length == 3 ? Integer.parseInt(args[2]) : DEFAULT_MAX_PDU);
        }
    }

    public static void main(String[] argv) throws IOException, InterruptedException {
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // Loaded at start as the archive does (its REST layer holds it): otherwise the first
        // association's first command set pays for reading the data dictionary.
        ElementDictionary.standard();
        DiscardingStore store = new DiscardingStore();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("discard-artim"));
        DimseThreads threads = new DimseThreads(new AssociationRuntime(named("discard-reader"), scheduler),
                named("discard-acceptor"));
        DicomServer server = DicomServer.start(config(args), registry(store), threads);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close(Duration.ofSeconds(2));
            scheduler.shutdownNow();
            LOG.info("DiscardScp stopped: {} instances, {} bytes discarded", store.instances(), store.bytes());
            stopped.countDown();
        }, "discard-shutdown"));
        LOG.info("DiscardScp {} on port {} (max PDU {})", args.aeTitle(), server.port(), args.maxPdu());
        stopped.await();
    }

    static DicomServerConfig config(Args args) {
        AssociationSettings settings = AssociationSettings.DEFAULT
                .withLimits(new PduLimits(args.maxPdu(), PduLimits.DEFAULT.maxAssociateLength(),
                        PduLimits.DEFAULT.maxItems()));
        AcceptorConfig acceptor = new AcceptorConfig("0.0.0.0", args.port(), MAX_ASSOCIATIONS, settings, null);
        return DicomServerConfig.of(args.aeTitle(), acceptor, Duration.ofSeconds(60));
    }

    static ServiceRegistry registry(CStoreService store) {
        return ServiceRegistry.builder().verification().store(store, StorageSopClasses.standard()).build();
    }

    /**
     * Reads each data set to its end through {@code transferTo}, as a store writing it to a file
     * would (the upper layer hands over its fragments without a copy), and drops it; counts what
     * went by.
     */
    static final class DiscardingStore implements CStoreService {
        private final AtomicInteger instances = new AtomicInteger();
        private final AtomicLong bytes = new AtomicLong();

        @Override
        public Status store(RequestContext context, CStoreRq request, InputStream dataSet) throws IOException {
            bytes.addAndGet(dataSet.transferTo(OutputStream.nullOutputStream()));
            instances.incrementAndGet();
            return Status.SUCCESS;
        }

        int instances() {
            return instances.get();
        }

        long bytes() {
            return bytes.get();
        }
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
