package dev.custodian.server.commit.scu;

import dev.custodian.net.dimse.NActionRsp;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.dicom.ModalityScu;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.CommitmentRefusedException;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.StorageCommitment;
import dev.custodian.stgcmt.StorageCommitmentScu;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The N-ACTION through {@link StorageCommitmentScu} on an association of its own to the
 * modality (our calling AE: its {@code LocalAet} or {@code DicomAet}), which serves the
 * N-EVENT-REPORT too when the remote sends it there; the library keeps it open for the linger
 * time after the RSP, then releases it.
 */
public final class NetworkActionSender implements ActionSender {
    private final ModalityScu modalityScu;
    private final StorageCommitmentScu scu;
    private final ServiceRegistry incoming;

    public NetworkActionSender(ModalityScu modalityScu, StorageCommitmentScu scu) {
        this.modalityScu = modalityScu;
        this.scu = scu;
        this.incoming = ServiceRegistry.builder().eventReport(StorageCommitment.SOP_CLASS_UID, scu.eventReportHandler())
                .build();
    }

    @Override
    public void send(RemoteModality m, Duration timeout, CommitmentRequest part) throws Exception {
        DicomClient client = modalityScu.client(m, timeout, incoming);
        Commitment c;
        try {
            c = scu.request(client, new RemoteAe(m.aet(), m.host(), m.port()), part);
        } catch (IOException e) {
            throw new IOException("association with " + m.aet() + " at " + m.host() + ":" + m.port() + " failed: "
                    + e.getMessage(), e);
        }
        NActionRsp rsp;
        try {
            rsp = c.response().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("Storage Commitment N-ACTION to " + m.aet() + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Storage Commitment N-ACTION to " + m.aet() + " got no response within "
                    + timeout.toSeconds() + " s", e);
        }
        if (rsp.status().isFailure()) {
            throw new CommitmentRefusedException(part.transactionUid(), rsp.status());
        }
    }
}
