package dev.custodian.interop.stgcmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.interop.support.Orthanc;
import dev.custodian.net.dimse.NActionRsp;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.SopReference;
import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.AssociationChannel;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.AssociationProposal;
import dev.custodian.stgcmt.StorageCommitment;
import dev.custodian.stgcmt.StorageCommitmentScu;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our {@link dev.custodian.stgcmt.StorageCommitmentScu} against Orthanc as the Storage Commitment
 * SCP (PS3.4 §J.3): we send the N-ACTION; Orthanc answers and sends the N-EVENT-REPORT on a new
 * association to our DicomServer (it finds us in its DicomModalities by our calling AE title).
 */
class OrthancScpIT {
    static final String REPORT_ON_NEW_ASSOCIATION = "N-EVENT-REPORT requested by the peer, proposed 0/1, answered 0/1";
    @TempDir
    static Path dir;
    static CommitmentPeer peer;
    static Orthanc orthanc;
    static RemoteAe orthancAe;

    @BeforeAll
    static void start() throws Exception {
        peer = new CommitmentPeer(null, Duration.ZERO);
        orthanc = Orthanc.start(dir, peer.orthancModalities());
        orthancAe = new RemoteAe(Orthanc.AET, "127.0.0.1", orthanc.dicomPort());
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close("scp");
        }
        if (peer != null) {
            peer.close();
        }
    }

    private List<SopReference> uploaded(int count) throws Exception {
        return peer.uploadTo(orthanc, "STGCMT-SCP", count);
    }

    @Test
    void everyInstancePresentIsReportedWithEventType1() throws Exception {
        List<SopReference> refs = uploaded(3);
        peer.observed.clear();
        CommitmentRequest request = new CommitmentRequest(peer.uids.newUid(), refs);

        Commitment c = peer.scu.request(peer.client, orthancAe, request);

        NActionRsp rsp = c.response().get(60, TimeUnit.SECONDS);
        assertThat(rsp.status().isSuccess()).as("N-ACTION-RSP %s", rsp.status()).isTrue();
        CommitmentReport report = c.report().get(60, TimeUnit.SECONDS);
        assertThat(report.transactionUid()).isEqualTo(request.transactionUid());
        assertThat(report.eventTypeId()).isEqualTo(1);
        assertThat(report.committed()).containsExactlyInAnyOrderElementsOf(refs);
        assertThat(report.failed()).isEmpty();
        assertThat(report.notReported(request)).isEmpty();
        assertThat(peer.scu.pending()).isZero();
        assertThat(peer.observed).containsExactly(REPORT_ON_NEW_ASSOCIATION);
    }

    @Test
    void reportComesOnANewAssociationWhileOursIsStillOpen() throws Exception {
        List<SopReference> refs = uploaded(2);
        CommitmentRequest request = new CommitmentRequest(peer.uids.newUid(), refs);
        peer.observed.clear();

        try (DicomConnection connection = peer.client.connect("127.0.0.1", orthanc.dicomPort(),
                StorageCommitmentScu.proposal(peer.client, Orthanc.AET))) {
            Commitment c = peer.scu.request(connection, request);
            CommitmentReport report = c.report().get(60, TimeUnit.SECONDS);
            assertThat(c.response().get(60, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            assertThat(report.committed()).containsExactlyInAnyOrderElementsOf(refs);
            assertThat(connection.session().channel()).isInstanceOfSatisfying(AssociationChannel.class,
                    ch -> assertThat(ch.association().isOpen()).isTrue());
        }
        // Orthanc 1.10.1 never reports on the N-ACTION association: a new one, where it proposes the SCP role.
        assertThat(peer.observed).containsExactly(REPORT_ON_NEW_ASSOCIATION);
    }

    @Test
    void proposingBothRolesOnTheActionAssociationIsGrantedButChangesNothing() throws Exception {
        List<SopReference> refs = uploaded(1);
        CommitmentRequest request = new CommitmentRequest(peer.uids.newUid(), refs);
        peer.observed.clear();
        AssociationProposal both = peer.client.propose(Orthanc.AET)
                .context(StorageCommitment.SOP_CLASS_UID, Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian)
                .role(StorageCommitment.SOP_CLASS_UID, true, true).build();
        try (DicomConnection connection = peer.client.connect("127.0.0.1", orthanc.dicomPort(), both)) {
            Association a = ((AssociationChannel) connection.session().channel()).association();
            // Orthanc grants both; harmless, and it changes nothing in where the report goes.
            assertThat(CommitmentPeer.roles(a.acceptance().userInformation()
                    .roleSelection(StorageCommitment.SOP_CLASS_UID))).isEqualTo("1/1");
            Commitment c = peer.scu.request(connection, request);
            assertThat(c.report().get(60, TimeUnit.SECONDS).committed()).containsExactlyElementsOf(refs);
        }
        assertThat(peer.observed).containsExactly(REPORT_ON_NEW_ASSOCIATION);
    }

    /**
     * Orthanc 1.10.1 accepts the association of an AE missing from its DicomModalities, then
     * answers its N-ACTION with an A-ABORT (not a failure status): both futures fail.
     */
    @Test
    void unknownCallingAeIsAbortedAtTheAction() throws Exception {
        CommitmentRequest request = new CommitmentRequest(peer.uids.newUid(), uploaded(1));
        DicomClient stranger = new DicomClient("STRANGER", RequestorConfig.plain(CommitmentPeer.settings(),
                Duration.ofSeconds(10), Duration.ofSeconds(30)), CommitmentPeer.DIMSE_TIMEOUT,
                ServiceRegistry.builder().build(), peer.runtime);

        Commitment c = peer.scu.request(stranger, orthancAe, request);

        // The abort may come while our data set is still being written: either way an I/O failure.
        assertThatThrownBy(() -> c.response().get(60, TimeUnit.SECONDS)).cause().isInstanceOf(IOException.class);
        assertThatThrownBy(() -> c.report().get(60, TimeUnit.SECONDS)).cause().isInstanceOf(IOException.class);
        assertThat(peer.scu.pending()).isZero();
        assertThat(orthanc.logLines("Rejected N-ACTION request from remote DICOM modality with AET \"STRANGER\""))
                .hasSize(1);
    }

    @Test
    void anAbsentInstanceFailsWithNoSuchObjectInstance() throws Exception {
        List<SopReference> present = uploaded(2);
        SopReference absent = peer.newReference();
        List<SopReference> refs = new ArrayList<>(present);
        refs.add(1, absent);
        CommitmentRequest request = new CommitmentRequest(peer.uids.newUid(), refs);

        Commitment c = peer.scu.request(peer.client, orthancAe, request);

        CommitmentReport report = c.report().get(60, TimeUnit.SECONDS);
        assertThat(c.response().get(60, TimeUnit.SECONDS).status().isSuccess()).isTrue();
        assertThat(report.transactionUid()).isEqualTo(request.transactionUid());
        assertThat(report.eventTypeId()).isEqualTo(2);
        assertThat(report.committed()).containsExactlyInAnyOrderElementsOf(present);
        assertThat(report.failed()).containsExactly(new FailedReference(absent, FailureReason.NO_SUCH_OBJECT_INSTANCE));
        assertThat(report.notReported(request)).isEmpty();
    }
}
