package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAbort;
import dev.custodian.net.pdu.AbortReason;
import dev.custodian.net.pdu.AbortSource;
import dev.custodian.net.pdu.Pdv;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PDVs of the last P-DATA-TF received (PS3.8 §9.3.5, Annex E), on the reader thread: delivered
 * one by one to the {@link MessageListener} through the {@link PDataAssembler}, or pulled by the
 * listener's data set stream while its {@code onCommand} runs. When the PDVs in hand are used up,
 * a pull reads and dispatches further PDUs through the reader, exactly as the reader's own loop
 * would, until the next data PDV of the message.
 */
final class PdvDelivery implements PDataInputStream.Source {

    /** Reads one PDU and lets the state machine act on it (the reader's loop step). */
    interface Reader {
        void readAndDispatch();
    }

    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    private final Association a;
    private final Reader reader;
    private final PDataAssembler assembler;
    /** The PDVs of the last P-DATA-TF received, delivered (or pulled) from {@code next} on. */
    private List<Pdv> pending = List.of();
    private int next;

    PdvDelivery(Association association, Reader reader) {
        this.a = association;
        this.reader = reader;
        this.assembler = new PDataAssembler(association.settings.maxCommandLength(),
                association.negotiated::contextAccepted);
    }

    /** DT-2 / AR-6: a P-DATA-TF arrived; its PDVs are delivered (or pulled) before the next read. */
    void received(List<Pdv> pdvs) {
        pending = pdvs;
        next = 0;
    }

    boolean hasPending() {
        return next < pending.size();
    }

    /** P-DATA indications (DT-2, AR-6) still reach the listener in these states. */
    private boolean receivingData() {
        State s = a.machine.state();
        return s == State.STA6 || s == State.STA7;
    }

    /** Delivers the next PDV in hand to the listener (the reader's loop step when PDVs are pending). */
    void deliverNext() {
        Pdv pdv = pending.get(next++);
        MessageListener l = a.listener;
        try {
            if (!receivingData()) {
                pending = List.of(); // the association ended while this P-DATA-TF was in hand
                return;
            }
            if (l == null) {
                throw new AbortException(AbortSource.SERVICE_PROVIDER, AbortReason.UNEXPECTED_PDU,
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

    /**
     * For the listener's data set stream, on the reader thread: the next PDV of the P-DATA-TF in
     * hand or of the next ones read, which must be a data fragment of the message being handled.
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
            reader.readAndDispatch();
        }
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
}
