package dev.custodian.interop.stgcmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.NEventReportRsp;
import dev.custodian.net.dimse.NoPresentationContextException;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.NActionHandler;
import dev.custodian.stgcmt.ActionInformationCodec;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.SopReference;
import dev.custodian.stgcmt.StorageCommitmentScp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our SCU and our SCP over TCP on 127.0.0.1, for what Orthanc never does: the result sent on the
 * N-ACTION's own association, before the N-ACTION-RSP ({@code EventReportSender.sendOnSameAssociation});
 * and a requester that does not grant us the SCP role on a new association.
 */
class OwnPeersIT {
    private CommitmentPeer modality;
    private CommitmentPeer archive;

    @AfterEach
    void stop() {
        if (modality != null) {
            modality.close();
        }
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    void resultOnTheSameAssociationBeforeTheActionResponse() throws Exception {
        CompletableFuture<Optional<CompletableFuture<NEventReportRsp>>> sentOnSame = new CompletableFuture<>();
        NActionHandler scp = new StorageCommitmentScp(new ActionInformationCodec(), (request, origin) -> {
            CommitmentReport report = CommitmentReport.of(request, "ARCHIVE",
                    Map.of(request.references().get(0), FailureReason.CLASS_INSTANCE_CONFLICT));
            // Sent now, from the performing thread: it goes out before this request's N-ACTION-RSP.
            sentOnSame.complete(archive.sender.sendOnSameAssociation(origin.session(), report));
        });
        archive = new CommitmentPeer(scp, Duration.ZERO);
        modality = new CommitmentPeer(null, Duration.ofSeconds(30));
        SopReference a = modality.newReference();
        SopReference b = modality.newReference();
        CommitmentRequest request = new CommitmentRequest(modality.uids.newUid(), List.of(a, b));

        Commitment c = modality.scu.request(modality.client, new RemoteAe(CommitmentPeer.AET, "127.0.0.1",
                archive.port()), request);

        CommitmentReport report = c.report().get(30, TimeUnit.SECONDS);
        assertThat(report.eventTypeId()).isEqualTo(2);
        assertThat(report.committed()).containsExactly(b);
        assertThat(report.failed()).singleElement().satisfies(f -> {
            assertThat(f.reference()).isEqualTo(a);
            assertThat(f.reason()).isEqualTo(FailureReason.CLASS_INSTANCE_CONFLICT);
        });
        assertThat(c.response().get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
        assertThat(sentOnSame.get(30, TimeUnit.SECONDS)).isPresent();
        assertThat(sentOnSame.get().get().get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
        assertThat(modality.observed).containsExactly("N-EVENT-REPORT requested by us, proposed none, answered none");
    }

    @Test
    void newAssociationWithoutTheScpRoleIsNotUsed() throws Exception {
        // This requester only performs N-ACTION: its acceptor grants no SCP role for the SOP class.
        modality = new CommitmentPeer((ctx, rq, info) -> {
            throw new DimseFailure(Status.PROCESSING_FAILURE);
        }, Duration.ZERO, false);
        archive = new CommitmentPeer(null, Duration.ZERO);
        CommitmentReport report = new CommitmentReport(archive.uids.newUid(), null,
                List.of(archive.newReference()), List.of());

        assertThatThrownBy(() -> archive.sender.send(archive.client,
                new RemoteAe(CommitmentPeer.AET, "127.0.0.1", modality.port()), report))
                .isInstanceOf(NoPresentationContextException.class).hasMessageContaining("SCP role");
        assertThat(modality.observed).isEmpty();
    }

    @Test
    void newAssociationWithTheScpRoleDeliversTheResult() throws Exception {
        modality = new CommitmentPeer(null, Duration.ZERO);
        archive = new CommitmentPeer(null, Duration.ZERO);
        CommitmentReport report = new CommitmentReport(archive.uids.newUid(), "ARCHIVE",
                List.of(archive.newReference()), List.of());

        NEventReportRsp rsp = archive.sender.send(archive.client,
                new RemoteAe(CommitmentPeer.AET, "127.0.0.1", modality.port()), report).get(30, TimeUnit.SECONDS);

        // Nobody waits for this transaction at the modality: the REFUSE listener answers 0115H.
        assertThat(rsp.status().code()).isEqualTo(0x0115);
        assertThat(modality.observed).containsExactly("N-EVENT-REPORT requested by the peer, proposed 0/1, answered 0/1");
    }
}
