package dev.custodian.interop.archive;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.service.DicomConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An ingest over parallel associations, one instance at a time on each (as a modality sends),
 * recording exactly what was sent (a C-STORE-RQ was issued) and what was answered Success. It
 * keeps sending until {@code perLane} instances are sent or the association ends (the server was
 * killed); a response other than Success is recorded too, since a drill must not see one.
 */
final class DrillIngest {
    /** SOP Instance UID → data set bytes, for every instance whose C-STORE-RQ was issued. */
    final Map<String, byte[]> sent = new ConcurrentHashMap<>();
    /** SOP Instance UIDs answered Success. */
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** "uid: status" of every response that was not Success. */
    final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    private final CountDownLatch ended;
    private final CountDownLatch started;
    private final List<Thread> lanes = new ArrayList<>();

    private DrillIngest(int lanes) {
        this.ended = new CountDownLatch(lanes);
        this.started = new CountDownLatch(lanes);
    }

    /** Starts {@code lanes} associations to {@code port}, each sending up to {@code perLane} instances of {@code cycle}. */
    static DrillIngest start(int port, String calledAet, int lanes, int perLane, int cycle, DrillInstances maker) {
        DrillIngest ingest = new DrillIngest(lanes);
        for (int lane = 1; lane <= lanes; lane++) {
            int l = lane;
            Thread t = new Thread(() -> ingest.lane(port, calledAet, cycle, l, perLane, maker), "drill-lane-" + lane);
            t.setDaemon(true);
            ingest.lanes.add(t);
            t.start();
        }
        return ingest;
    }

    /** Waits until every lane has its association (or failed to get one), at most {@code seconds}. */
    boolean awaitAssociated(long seconds) throws InterruptedException {
        return started.await(seconds, TimeUnit.SECONDS);
    }

    /** Waits until every lane has ended, at most {@code seconds}. */
    boolean awaitEnd(long seconds) throws InterruptedException {
        return ended.await(seconds, TimeUnit.SECONDS);
    }

    private void lane(int port, String calledAet, int cycle, int lane, int perLane, DrillInstances maker) {
        try (Scu scu = new Scu("DRILLSCU" + lane)) {
            DicomConnection c;
            try {
                c = scu.connect(port, calledAet);
            } finally {
                started.countDown();
            }
            for (int n = 1; n <= perLane; n++) {
                DrillInstances.Instance inst = maker.make(cycle, lane, n);
                sent.put(inst.sopInstanceUid(), inst.dataSet());
                CStoreRsp rsp = c.store(Scu.CT, inst.sopInstanceUid(), Uid.ExplicitVRLittleEndian,
                        out -> out.write(inst.dataSet())).get(60, TimeUnit.SECONDS);
                if (rsp.status().isSuccess()) {
                    acknowledged.add(inst.sopInstanceUid());
                } else {
                    refusals.add(inst.sopInstanceUid() + ": " + Integer.toHexString(rsp.status().code()) + "H");
                }
            }
            c.release();
        } catch (Exception e) {
            // the server was killed under this association: what it answered is what counts
        } finally {
            ended.countDown();
        }
    }
}
