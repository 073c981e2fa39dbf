package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAbort;
import dev.custodian.net.pdu.AAssociateAc;
import dev.custodian.net.pdu.AAssociateRj;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.AReleaseRp;
import dev.custodian.net.pdu.AReleaseRq;
import dev.custodian.net.pdu.AbortReason;
import dev.custodian.net.pdu.PDataTf;
import dev.custodian.net.pdu.Pdu;
import dev.custodian.net.pdu.PduFormatException;
import dev.custodian.net.pdu.PduInput;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader thread of one association: reads PDUs, feeds them to the state machine and carries
 * out the indications it returns (PS3.8 §9.2: negotiate, deliver P-DATA, answer a release). The
 * only place a thread of this layer begins, hence the only place that catches and logs.
 *
 * <p>The PDVs of a P-DATA-TF are delivered one by one ({@link PdvDelivery}). While a listener
 * handles a command it may pull its data set ({@link PDataInputStream}): the reader then reads and
 * dispatches PDUs from inside that call, exactly as its own loop would, until the next data PDV of
 * the message. The acceptor's negotiation is {@link AcceptorNegotiation}'s.
 */
final class AssociationReader implements Runnable, PdvDelivery.Reader {

    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    private final Association a;
    private final AcceptorNegotiation acceptor;
    private final PdvDelivery delivery;
    private PduInput in;

    /** @param policy and {@code handler}: null on an association we requested */
    AssociationReader(Association association, AcceptorPolicy policy, AssociationHandler handler) {
        this.a = association;
        this.acceptor = association.requestor ? null : new AcceptorNegotiation(association, policy, handler);
        this.delivery = new PdvDelivery(association, this);
    }

    @Override
    public void run() {
        try {
            if (!a.requestor) {
                a.machine.handle(Event.EVT5, null);
            }
            if (!a.settings.idleTimeout().isZero()) {
                a.connection.setReadTimeout(a.settings.idleTimeout());
            }
            loop();
        } catch (IOException | RuntimeException | Error e) {
            a.note(CloseReason.Kind.PROTOCOL_ERROR, "reader failed: " + e, e);
            LOG.error("{} reader failed", a.name(), e);
        } finally {
            a.artim.stop();
            a.connection.close();
            a.finish();
        }
    }

    private void loop() {
        in = new PduInput(a.connection.input(), a.pduReader);
        while (a.machine.state() != State.STA1) {
            if (delivery.hasPending()) {
                delivery.deliverNext();
            } else {
                readAndDispatch();
            }
        }
    }

    /** Reads one PDU and lets the state machine act on it; transport and framing errors are events too. */
    @Override
    public void readAndDispatch() {
        Pdu pdu;
        try {
            // PDVs are consumed before the next read (delivered, pulled or pushed): they may be slices of
            // the input's buffer, which the next read refills
            pdu = in.read();
        } catch (PduFormatException e) {
            a.note(CloseReason.Kind.PROTOCOL_ERROR, e.getMessage(), e);
            a.machine.invalidPdu(e.abortReason(), e.getMessage());
            drainUntilClosed(in); // after a framing error the byte stream can no longer be trusted
            return;
        } catch (SocketTimeoutException e) {
            idle();
            return;
        } catch (SSLException e) {
            // PS3.15 Annex B: a peer without TLS, with a certificate we do not trust, or with a protocol we do
            // not enable; the one line that says so (the close line is DEBUG for protocol errors)
            a.note(CloseReason.Kind.PROTOCOL_ERROR, "TLS failed in " + a.machine.state().label() + ": "
                    + e.getMessage(), null);
            LOG.warn("{} refused: TLS failed in {}: {}", a.name(), a.machine.state().label(), e.getMessage());
            a.machine.handle(Event.EVT17, null);
            return;
        } catch (IOException e) {
            a.note(CloseReason.Kind.TRANSPORT_CLOSED, "transport closed in " + a.machine.state().label()
                    + ": " + e.getMessage(), null);
            a.machine.handle(Event.EVT17, null);
            return;
        }
        dispatch(pdu);
    }

    private void idle() {
        State s = a.machine.state();
        if (s.ordinal() >= State.STA5.ordinal() && s != State.STA13) {
            a.abort(CloseReason.Kind.TIMEOUT, "no PDU for " + a.settings.idleTimeout() + " in " + s.label(),
                    AAbort.byServiceProvider(AbortReason.NOT_SPECIFIED));
        }
        // Sta2 / Sta13: ARTIM is running and will close the transport
    }

    /** Discards what is buffered and then the stream until the transport closes. */
    private void drainUntilClosed(PduInput in) {
        while (a.machine.state() != State.STA1) {
            try {
                if (in.discard() < 0) {
                    a.machine.handle(Event.EVT17, null);
                }
            } catch (SocketTimeoutException e) {
                // keep waiting: ARTIM bounds this
            } catch (IOException e) {
                a.machine.handle(Event.EVT17, null);
            }
        }
    }

    private static Event eventFor(Pdu pdu) {
        if (pdu instanceof AAssociateAc) {
            return Event.EVT3;
        } else if (pdu instanceof AAssociateRj) {
            return Event.EVT4;
        } else if (pdu instanceof AAssociateRq) {
            return Event.EVT6;
        } else if (pdu instanceof PDataTf) {
            return Event.EVT10;
        } else if (pdu instanceof AReleaseRq) {
            return Event.EVT12;
        } else if (pdu instanceof AReleaseRp) {
            return Event.EVT13;
        }
        return Event.EVT16;
    }

    private void dispatch(Pdu pdu) {
        Event event = eventFor(pdu);
        State from = a.machine.state();
        Optional<Action> done = a.machine.handle(event, pdu);
        if (done.isEmpty()) {
            return;
        }
        switch (done.get()) {
            case AE_3 -> established((AAssociateAc) pdu);
            case AE_4 -> {
                AAssociateRj rj = (AAssociateRj) pdu;
                a.note(CloseReason.Kind.REJECTED, "rejected by peer: " + rj.describe(), null);
                a.established.completeExceptionally(new AssociationRejectedException(rj));
            }
            case AE_6 -> {
                if (a.machine.state() == State.STA3) {
                    acceptor.negotiate((AAssociateRq) pdu);
                } else {
                    a.negotiated.requested((AAssociateRq) pdu);
                    a.note(CloseReason.Kind.REJECTED, "protocol version not supported", null);
                }
            }
            case DT_2, AR_6 -> delivery.received(((PDataTf) pdu).pdvs());
            case AR_2 -> a.release.answerPeer("released by peer");
            case AR_8 -> {
                if (a.machine.state() == State.STA9) {
                    a.machine.handle(Event.EVT14, null);
                }
            }
            case AR_10 -> {
                a.note(CloseReason.Kind.RELEASED, "released (release collision)", null);
                a.machine.handle(Event.EVT14, null);
            }
            case AR_3 -> a.note(CloseReason.Kind.RELEASED, from == State.STA11 ? "released (release collision)"
                    : "released", null);
            case AA_3, AA_2 -> a.note(CloseReason.Kind.ABORTED_BY_PEER, describe((AAbort) pdu), null);
            case AA_1, AA_7, AA_8 -> a.note(CloseReason.Kind.PROTOCOL_ERROR,
                    event.label() + " (" + pdu.getClass().getSimpleName() + ") unexpected in " + from.label(), null);
            default -> {
                // AA-6: PDU ignored while awaiting the transport close
            }
        }
    }

    private static String describe(AAbort abort) {
        return "A-ABORT from peer, source " + abort.source() + ", reason " + abort.reason();
    }

    /** AE-3: the peer accepted the association we requested. */
    private void established(AAssociateAc ac) {
        a.negotiated.accepted(a.negotiated.request(), ac);
        a.established.complete(null);
        LOG.info("{} established {}", a.name(), a.negotiated.summary());
    }

    /** The data set stream of the command being delivered, for {@link Association#dataSet()}. */
    PDataInputStream dataSet() {
        return delivery.dataSet();
    }
}
