package dev.custodian.interop.archive;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Our own C-STORE SCU for the ITs that need each response's status. */
final class Scu implements AutoCloseable {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DicomClient client;

    Scu(String callingAet) throws IOException {
        AssociationSettings d = AssociationSettings.DEFAULT;
        AssociationSettings settings = new AssociationSettings(new PduLimits(65_536, 1 << 20, 4096),
                Duration.ofSeconds(30), Duration.ofSeconds(60), d.maxCommandLength(), 65_536,
                d.implementationClassUid(), d.implementationVersionName());
        client = new DicomClient(callingAet, RequestorConfig.plain(settings, Duration.ofSeconds(10),
                Duration.ofSeconds(30)), Duration.ofSeconds(60), ServiceRegistry.builder().verification().build(),
                new AssociationRuntime(Thread::new, scheduler));
    }

    /** An association proposing CT Image Storage in Explicit VR Little Endian, and Verification. */
    DicomConnection connect(int port, String calledAet) throws IOException {
        return client.connect("127.0.0.1", port, client.propose(calledAet)
                .context(CT, Uid.ExplicitVRLittleEndian)
                .context(Uid.Verification, Uid.ImplicitVRLittleEndian).build());
    }

    static int status(java.util.concurrent.CompletableFuture<CStoreRsp> rsp) throws Exception {
        return rsp.get(60, TimeUnit.SECONDS).status().code();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
