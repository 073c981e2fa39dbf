package dev.custodian.stgcmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.dict.Tag;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.NActionRq;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.ServiceDispatcher;
import dev.custodian.net.service.ServiceRegistry;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StorageCommitmentScpTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String TS = RecordingChannel.CONTEXT.transferSyntax();
    private final ActionInformationCodec codec = new ActionInformationCodec(3);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final DimseSession session = new DimseSession(new RecordingChannel(),
            new ServiceDispatcher(ServiceRegistry.builder().build()), Duration.ofSeconds(5));
    private final RequestContext ctx = new RequestContext(RecordingChannel.CONTEXT, "ARCHIVE", "MODALITY", session);
    private final StorageCommitmentScp scp = new StorageCommitmentScp(codec, (rq, origin) -> received.add(
            rq.transactionUid() + " " + rq.references().size() + " from " + origin.callingAet() + " to "
                    + origin.calledAet() + (origin.session() == session ? " on this session" : "")));
    private final CommitmentRequest request = new CommitmentRequest("1.2.9.7",
            List.of(new SopReference(CT, "1.2.3.1"), new SopReference(CT, "1.2.3.2")));

    @Test
    void validRequestGoesToTheListenerAndIsAnsweredSuccess() throws Exception {
        assertThat(scp.action(ctx, action(1, StorageCommitment.SOP_INSTANCE_UID), data(request)))
                .isEqualTo(Status.SUCCESS);
        assertThat(received).containsExactly("1.2.9.7 2 from MODALITY to ARCHIVE on this session");
    }

    @Test
    void otherActionTypeIsNoSuchAction() {
        assertThatThrownBy(() -> scp.action(ctx, action(2, StorageCommitment.SOP_INSTANCE_UID), data(request)))
                .isInstanceOfSatisfying(DimseFailure.class, f -> assertThat(f.status().code()).isEqualTo(0x0123));
        assertThat(received).isEmpty();
    }

    @Test
    void otherInstanceIsNoSuchObjectInstance() {
        assertThatThrownBy(() -> scp.action(ctx, action(1, "1.2.3.4"), data(request)))
                .isInstanceOfSatisfying(DimseFailure.class, f -> assertThat(f.status().code()).isEqualTo(0x0112));
    }

    @Test
    void malformedActionInformationIsAnsweredWithItsStatus() {
        var ds = codec.encode(request);
        ds.remove(Tag.TransactionUID);
        byte[] bytes = dev.custodian.stgcmt.DataSets.write(ds, TS);
        assertThatThrownBy(() -> scp.action(ctx, action(1, StorageCommitment.SOP_INSTANCE_UID),
                new ByteArrayInputStream(bytes))).isInstanceOfSatisfying(DimseFailure.class, f -> {
                    assertThat(f.status().code()).isEqualTo(0x0115);
                    assertThat(f.status().offendingElements()).containsExactly(Tag.TransactionUID);
                });
        assertThat(received).isEmpty();
    }

    @Test
    void listenerRefusalIsTheAnswer() {
        StorageCommitmentScp refusing = new StorageCommitmentScp(codec, (rq, origin) -> {
            throw new DimseFailure(Status.NOT_AUTHORIZED, "unknown modality " + origin.callingAet());
        });
        assertThatThrownBy(() -> refusing.action(ctx, action(1, StorageCommitment.SOP_INSTANCE_UID), data(request)))
                .isInstanceOfSatisfying(DimseFailure.class, f -> {
                    assertThat(f.status().code()).isEqualTo(0x0124);
                    assertThat(f.status().errorComment()).isEqualTo("unknown modality MODALITY");
                });
    }

    private static NActionRq action(int type, String instance) {
        return new NActionRq(3, StorageCommitment.SOP_CLASS_UID, instance, type, true);
    }

    private ByteArrayInputStream data(CommitmentRequest rq) {
        return new ByteArrayInputStream(codec.write(rq, TS));
    }
}
