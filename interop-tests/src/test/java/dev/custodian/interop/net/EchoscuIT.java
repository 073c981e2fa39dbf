package dev.custodian.interop.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.support.Tools;
import dev.custodian.net.transport.DicomRequestor;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.AssociationProposal;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.net.ul.CloseReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DCMTK echoscu against our acceptor: C-ECHO, rejects, association limit. */
class EchoscuIT {

    @Test
    void echoscuSucceedsAndTheAssociationIsReleased() throws Exception {
        try (NetFixture f = new NetFixture(4, null)) {
            Tools.Result run = f.echoscu(NetFixture.AE);
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("Received Echo Response (Success)");
            assertThat(f.echo.echoes).hasValue(1);
            f.awaitQuiet();
        }
    }

    @Test
    void severalEchoesOnOneAssociation() throws Exception {
        try (NetFixture f = new NetFixture(4, null)) {
            Tools.Result run = f.echoscu(NetFixture.AE, "--repeat", "5");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(f.echo.echoes).hasValue(5);
            f.awaitQuiet();
        }
    }

    @Test
    void echoscuAbortIsSeenAsAbortByPeer() throws Exception {
        try (NetFixture f = new NetFixture(4, null)) {
            Tools.Result run = f.echoscu(NetFixture.AE, "--abort");
            assertThat(run.exitCode()).as(run.output()).isZero();
            f.awaitQuiet();
            assertThat(f.closeReasons).singleElement()
                    .satisfies(r -> assertThat(r.kind()).isEqualTo(CloseReason.Kind.ABORTED_BY_PEER));
        }
    }

    @Test
    void unknownCalledAeIsRejectedPermanently() throws Exception {
        try (NetFixture f = new NetFixture(4, null)) {
            Tools.Result run = f.echoscu("NOT_US");
            assertThat(run.exitCode()).as(run.output()).isNotZero();
            assertThat(run.output()).containsIgnoringCase("Rejected Permanent")
                    .containsIgnoringCase("Called AE Title Not Recognized");
            f.awaitQuiet();
        }
    }

    @Test
    void overTheAssociationLimitIsRejectedTransientLocalLimitExceeded() throws Exception {
        try (NetFixture f = new NetFixture(1, null)) {
            DicomRequestor requestor = new DicomRequestor(RequestorConfig.plain(AssociationSettings.DEFAULT,
                    Duration.ofSeconds(5), Duration.ofSeconds(5)), f.runtime);
            Association held = requestor.connect("127.0.0.1", f.port(), AssociationProposal.builder("HOLDER", NetFixture.AE)
                    .context(EchoResponder.VERIFICATION, NetFixture.IMPLICIT_LE).build(), new EchoResponder());
            Tools.Result run = f.echoscu(NetFixture.AE);
            assertThat(run.exitCode()).as(run.output()).isNotZero();
            assertThat(run.output()).containsIgnoringCase("Rejected Transient").containsIgnoringCase("Local Limit Exceeded");
            held.release(Duration.ofSeconds(5));
            assertThat(held.closeFuture().get().kind()).isEqualTo(CloseReason.Kind.RELEASED);
            f.awaitQuiet();
            Tools.Result again = f.echoscu(NetFixture.AE);
            assertThat(again.exitCode()).as(again.output()).isZero();
        }
    }
}
