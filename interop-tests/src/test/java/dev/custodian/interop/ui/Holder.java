package dev.custodian.interop.ui;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.interop.support.NamedThreads;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** An association from AE {@value #AET} that stays open until closed, for the dashboard's "open associations". */
final class Holder implements AutoCloseable {
    static final String AET = "HOLDER";
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreads("ui-it-artim"));
    private final DicomConnection connection;

    Holder(int port, String calledAet) throws IOException {
        AssociationSettings d = AssociationSettings.DEFAULT;
        AssociationSettings settings = new AssociationSettings(new PduLimits(65_536, 1 << 20, 4096),
                Duration.ofSeconds(30), Duration.ofSeconds(120), d.maxCommandLength(), 65_536,
                d.implementationClassUid(), d.implementationVersionName());
        DicomClient client = new DicomClient(AET, RequestorConfig.plain(settings, Duration.ofSeconds(10),
                Duration.ofSeconds(30)), Duration.ofSeconds(60), ServiceRegistry.builder().verification().build(),
                new AssociationRuntime(new NamedThreads("ui-it-reader"), scheduler));
        connection = client.connect("127.0.0.1", port, client.propose(calledAet)
                .context(Uid.SecondaryCaptureImageStorage, Uid.ExplicitVRLittleEndian)
                .context(Uid.Verification, Uid.ImplicitVRLittleEndian).build());
    }

    /** C-STORE of one Part 10 file on the held association; its status code. */
    int store(Path file) throws Exception {
        return connection.store(file).get(60, TimeUnit.SECONDS).status().code();
    }

    @Override
    public void close() throws IOException {
        try {
            connection.release();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
