package dev.custodian.net.ul;

import dev.custodian.net.pdu.Pdu;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider-side effects of one association's {@link StateMachine} on its connection (send a
 * PDU, close the transport, start or stop ARTIM), and the ARTIM expiry it turns into EVT18
 * (PS3.8 §9.1.5, §9.2).
 */
final class MachinePort implements StateMachine.Port {

    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    private final Association a;

    MachinePort(Association association) {
        this.a = association;
    }

    @Override
    public void send(Pdu pdu) throws IOException {
        a.writer.sendPdu(pdu);
    }

    @Override
    public void closeTransport() {
        a.connection.close();
    }

    @Override
    public void startArtim() {
        a.artim.start();
    }

    @Override
    public void stopArtim() {
        a.artim.stop();
    }

    /** ARTIM expired (EVT18): on the scheduler's thread. */
    void artimExpired() {
        try {
            State s = a.machine.state();
            if (a.machine.permits(Event.EVT18)) {
                a.note(CloseReason.Kind.TIMEOUT, "ARTIM expired after " + a.settings.artimTimeout() + " in "
                        + s.label(), null);
            }
            a.machine.handle(Event.EVT18, null);
        } catch (RuntimeException e) {
            LOG.warn("{} ARTIM expiry failed", a.name(), e);
            a.connection.close();
        }
    }
}
