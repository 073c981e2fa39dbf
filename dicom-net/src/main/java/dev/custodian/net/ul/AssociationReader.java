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
import dev.custodian.net.pdu.Pdv;
import dev.custodian.net.pdu.PduFormatException;
import dev.custodian.net.pdu.RejectResult;
import dev.custodian.net.pdu.UserInfoItem;
import dev.custodian.net.pdu.UserInformation;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader thread of one association: reads PDUs, feeds them to the state machine and carries
 * out the indications it returns (negotiate, deliver P-DATA, answer a release). The only place a
 * thread of this layer begins, hence the only place that catches and logs.
 *
 * <p>The PDVs of a P-DATA-TF are delivered one by one. While a listener handles a command it may
 * pull its data set ({@link PDataInputStream}): the reader then reads and dispatches PDUs from
 * inside that call, exactly as its own loop would, until the next data PDV of the message.
 */
final class AssociationReader implements Runnable, PDataInputStream.Source {

    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    private final Association a;
    private final AcceptorPolicy policy;
    private final AssociationHandler handler;
    private final PDataAssembler assembler;
    private InputStream in;
    /** The PDVs of the last P-DATA-TF received, delivered (or pulled) from {@code next} on. */
    private List<Pdv> pending = List.of();
    private int next;

    AssociationReader(Association association, AcceptorPolicy policy, AssociationHandler handler) {
        this.a = association;
        this.policy = policy;
        this.handler = handler;
        this.assembler = new PDataAssembler(association.settings.maxCommandLength(), association::contextAccepted);
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
        in = a.connection.input();
        while (a.machine.state() != State.STA1) {
            if (next < pending.size()) {
                deliver(pending.get(next++));
            } else {
                readAndDispatch();
            }
        }
    }

    /** Reads one PDU and lets the state machine act on it; transport and framing errors are events too. */
    private void readAndDispatch() {
        Pdu pdu;
        try {
            // PDVs are consumed before the next read (delivered, pulled or pushed), so the body array is reused
            pdu = a.pduReader.readReusingBuffer(in);
        } catch (PduFormatException e) {
            a.note(CloseReason.Kind.PROTOCOL_ERROR, e.getMessage(), e);
            a.machine.invalidPdu(e.abortReason(), e.getMessage());
            drainUntilClosed(in); // after a framing error the byte stream can no longer be trusted
            return;
        } catch (SocketTimeoutException e) {
            idle();
            return;
        } catch (IOException e) {
            a.note(CloseReason.Kind.TRANSPORT_CLOSED, "transport closed in " + a.machine.state().label()
                    + ": " + e.getMessage(), null);
            a.machine.handle(Event.EVT17, null);
            return;
        }
        dispatch(pdu);
    }

    /** P-DATA indications (DT-2, AR-6) still reach the listener in these states. */
    private boolean receivingData() {
        State s = a.machine.state();
        return s == State.STA6 || s == State.STA7;
    }

    /**
     * For the listener's data set stream, on this thread: the next PDV of the P-DATA-TF in hand or
     * of the next ones read, which must be a data fragment of the message being handled.
     */
    @Override
    public Pdv nextData() throws IOException {
        while (true) {
            if (next < pending.size()) {
                Pdv pdv = pending.get(next++);
                try {
                    assembler.pulled(pdv);
                } catch (AbortException e) {
                    violation(e);
                    throw new DataSetInterruptedException("Data set incomplete: " + e.getMessage(), e);
                }
                return pdv;
            }
            if (!receivingData()) {
                cutShort();
                throw new DataSetInterruptedException("Data set incomplete: " + a.notOpen(), null);
            }
            readAndDispatch();
        }
    }

    private void idle() {
        State s = a.machine.state();
        if (s.ordinal() >= State.STA5.ordinal() && s != State.STA13) {
            a.abort(CloseReason.Kind.TIMEOUT, "no PDU for " + a.settings.idleTimeout() + " in " + s.label(),
                    AAbort.byServiceProvider(AbortReason.NOT_SPECIFIED));
        }
        // Sta2 / Sta13: ARTIM is running and will close the transport
    }

    private void drainUntilClosed(InputStream in) {
        byte[] scratch = new byte[4096];
        while (a.machine.state() != State.STA1) {
            try {
                if (in.read(scratch) < 0) {
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
                    negotiate((AAssociateRq) pdu);
                } else {
                    a.request = (AAssociateRq) pdu;
                    a.note(CloseReason.Kind.REJECTED, "protocol version not supported", null);
                }
            }
            case DT_2, AR_6 -> {
                pending = ((PDataTf) pdu).pdvs();
                next = 0;
            }
            case AR_2 -> answerRelease("released by peer");
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

    private void negotiate(AAssociateRq rq) {
        a.request = rq;
        AcceptorDecision decision;
        try {
            decision = policy.decide(rq, a.connection.remoteAddress());
        } catch (RuntimeException e) {
            LOG.warn("{} acceptor policy failed", a.name(), e);
            decision = AcceptorDecision.noReasonGiven(RejectResult.REJECTED_TRANSIENT);
        }
        if (decision instanceof AcceptorDecision.Reject reject) {
            a.note(CloseReason.Kind.REJECTED, "rejected: " + reject.rejection().describe(), null);
            a.machine.handle(Event.EVT8, reject.rejection());
            return;
        }
        AcceptorDecision.Accept accept = (AcceptorDecision.Accept) decision;
        List<UserInfoItem> extras = new ArrayList<>(accept.roleSelections());
        extras.addAll(accept.extraUserInfo());
        AAssociateAc ac = new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContextName(),
                accept.contexts(), UserInformation.of(a.settings.limits().maxPDataLength(),
                a.settings.implementationClassUid(), a.settings.implementationVersionName(), extras));
        a.negotiated(rq, ac);
        a.machine.handle(Event.EVT7, ac);
        if (a.machine.state() != State.STA6) {
            return;
        }
        a.established.complete(null);
        try {
            a.listener = handler.established(a);
        } catch (RuntimeException e) {
            LOG.warn("{} association handler failed", a.name(), e);
            a.abort("association handler failed: " + e);
            return;
        }
        logEstablished();
    }

    private void established(AAssociateAc ac) {
        a.negotiated(a.request, ac);
        a.established.complete(null);
        logEstablished();
    }

    private void logEstablished() {
        LOG.info("{} established ({}): {} of {} contexts accepted {}, peer max PDU {}, peer implementation {} {}",
                a.name(), a.requestor ? "requested" : "accepted", a.acceptedContexts().size(),
                a.request.presentationContexts().size(),
                a.acceptedContexts().stream().map(c -> c.id() + ":" + c.abstractSyntax() + "/" + c.transferSyntax())
                        .toList(),
                a.peerMaxPduLength(), a.peerImplementationClassUid().orElse("?"),
                a.peerImplementationVersionName().orElse(""));
    }

    private void deliver(Pdv pdv) {
        MessageListener l = a.listener;
        try {
            if (!receivingData()) {
                pending = List.of(); // the association ended while this P-DATA-TF was in hand
                return;
            }
            if (l == null) {
                throw new AbortException(dev.custodian.net.pdu.AbortSource.SERVICE_PROVIDER, AbortReason.UNEXPECTED_PDU,
                        "no message listener on this association");
            }
            assembler.accept(a, l, this, pdv);
        } catch (AbortException e) {
            violation(e);
        } catch (PDataAssembler.ListenerFailure e) {
            pending = List.of();
            if (!receivingData()) {
                // the listener failed because the association ended under its data set: already closing
                LOG.debug("{} message listener stopped: {}", a.name(), e.getMessage());
                return;
            }
            LOG.warn("{} message listener failed, aborting", a.name(), e.getCause());
            a.abort(CloseReason.Kind.ABORTED_LOCALLY, "message listener failed: " + e.getMessage(),
                    AAbort.byServiceUser());
        }
    }

    /** One WARN for a data set lost to an abort, a release, a timeout or a vanished peer. */
    private void cutShort() {
        CloseReason r = a.noted();
        if (r == null || r.kind() != CloseReason.Kind.PROTOCOL_ERROR) { // the state machine warned of those
            LOG.warn("{} data set cut short in {}: {}", a.name(), a.machine.state().label(),
                    r == null ? "association ending" : r);
        }
    }

    private void violation(AbortException e) {
        pending = List.of();
        a.note(CloseReason.Kind.PROTOCOL_ERROR, e.getMessage(), e);
        a.machine.invalidPdu(e.reason(), e.getMessage());
    }

    /** The data set stream of the command being delivered, for {@link Association#dataSet()}. */
    PDataInputStream dataSet() {
        if (Thread.currentThread() != a.readerThread) {
            throw new IllegalStateException("the data set is read on the reader thread, during onCommand");
        }
        PDataInputStream s = assembler.pulling();
        if (s == null) {
            throw new IllegalStateException("no command is being delivered");
        }
        return s;
    }

    /** AR-2: DICOM has no negative release response; answer once our outgoing message is complete. */
    private void answerRelease(String detail) {
        try {
            if (a.writer.messageLock.tryLock(a.settings.artimTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    a.note(CloseReason.Kind.RELEASED, detail, null);
                    a.machine.handle(Event.EVT14, null);
                } finally {
                    a.writer.messageLock.unlock();
                }
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        a.abort(CloseReason.Kind.TIMEOUT, "outgoing message still incomplete when release was requested",
                AAbort.byServiceProvider(AbortReason.NOT_SPECIFIED));
    }
}
