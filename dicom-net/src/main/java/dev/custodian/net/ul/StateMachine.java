package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAbort;
import dev.custodian.net.pdu.AAssociateRj;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.AReleaseRp;
import dev.custodian.net.pdu.AReleaseRq;
import dev.custodian.net.pdu.AbortReason;
import dev.custodian.net.pdu.Pdu;
import dev.custodian.net.pdu.RejectResult;
import dev.custodian.net.pdu.RejectSource;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link StateTable} for one association: looks up the action for each event, performs
 * its provider-side effects (send a PDU, close the transport, start/stop ARTIM) through a
 * {@link Port}, moves to the next state and returns the action so the caller can deliver the
 * indication it stands for (e.g. DT-2 → hand the P-DATA to the service user). PS3.8 §9.2.
 *
 * <p>Indications are returned rather than called back so that no user code ever runs under the
 * machine's lock. A received PDU that is illegal in the current state produces the A-ABORT the
 * table names (AA-1 in Sta2, AA-7 in Sta13, AA-8 elsewhere) plus exactly one log line.
 */
public final class StateMachine {

    /** Provider-side effects of the actions. */
    public interface Port {
        void send(Pdu pdu) throws IOException;

        void closeTransport();

        void startArtim();

        void stopArtim();
    }

    private static final Logger LOG = LoggerFactory.getLogger(StateMachine.class);

    private final StateTable table;
    private final Port port;
    private final boolean requestor;
    private final Supplier<String> name;
    private volatile State state = State.STA1;
    private AAssociateRq pendingRq;

    /**
     * @param requestor whether the local side requested the association (decides AR-8)
     * @param name      how log lines name this association (asked when a line is written)
     */
    public StateMachine(StateTable table, Port port, boolean requestor, Supplier<String> name) {
        this.table = Objects.requireNonNull(table, "table");
        this.port = Objects.requireNonNull(port, "port");
        this.requestor = requestor;
        this.name = Objects.requireNonNull(name, "name");
    }

    public State state() {
        return state;
    }

    /** Test hook: puts the machine in a state directly, to test the table cell by cell. */
    synchronized void forceState(State s) {
        state = s;
    }

    /** Whether the event has an action in the current state (a lock-free, racy check). */
    public boolean permits(Event event) {
        return table.action(state, event).isPresent();
    }

    public boolean isRequestor() {
        return requestor;
    }

    /**
     * Handles one event. {@code pdu} is the received PDU (Evt3, 4, 6, 10, 12, 13, 16) or the PDU a
     * primitive asks to send (Evt1: the RQ; Evt7: the AC; Evt8: the RJ; Evt15: the A-ABORT; Evt9:
     * the P-DATA-TF, or {@code null} when the caller sends it itself after this check).
     *
     * @return the action performed; empty when the event cannot occur in this state (a PDU or
     *         timer event after the transport is gone) and is therefore ignored
     * @throws IllegalStateException a local primitive was used in a state that has no action for it
     */
    public synchronized Optional<Action> handle(Event event, Pdu pdu) {
        return handle(event, pdu, AbortReason.UNEXPECTED_PDU, null);
    }

    /**
     * Evt19: an unrecognized or invalid PDU was received; {@code reason} goes into the A-ABORT and
     * {@code problem} (what was wrong, where) into the log line.
     */
    public synchronized Optional<Action> invalidPdu(AbortReason reason, String problem) {
        return handle(Event.EVT19, null, reason, problem);
    }

    private Optional<Action> handle(Event event, Pdu pdu, AbortReason reason, String problem) {
        Optional<Action> cell = table.action(state, event);
        if (cell.isEmpty()) {
            if (event.isLocalPrimitive()) {
                throw new IllegalStateException(event.label() + " (" + event.description() + ") is not allowed in "
                        + state.label() + " (" + state.description() + ")");
            }
            return cell;
        }
        Action action = cell.get();
        State from = state;
        state = perform(action, event, pdu, reason);
        if (isProtocolViolation(action, event)) {
            LOG.warn("{} protocol error: {} ({}) in {}: {} A-ABORT {} → {}", name.get(), event.label(),
                    problem != null ? problem : pdu == null ? event.description() : pdu.getClass().getSimpleName(),
                    from.label(), action.label(), event == Event.EVT19 ? reason : AbortReason.UNEXPECTED_PDU,
                    state.label());
        }
        return cell;
    }

    private static boolean isProtocolViolation(Action action, Event event) {
        return action == Action.AA_8 || action == Action.AA_7 || (action == Action.AA_1 && !event.isLocalPrimitive());
    }

    private State perform(Action action, Event event, Pdu pdu, AbortReason reason) {
        switch (action) {
            case AE_1 -> pendingRq = (AAssociateRq) Objects.requireNonNull(pdu, "A-ASSOCIATE-RQ");
            case AE_2 -> send(pendingRq);
            case AE_4, AR_3, AA_3 -> port.closeTransport();
            case AE_5 -> port.startArtim();
            case AE_6 -> {
                port.stopArtim();
                if ((((AAssociateRq) pdu).protocolVersion() & 1) == 0) {
                    send(new AAssociateRj(RejectResult.REJECTED_PERMANENT, RejectSource.SERVICE_PROVIDER_ACSE,
                            AAssociateRj.ACSE_PROTOCOL_VERSION_NOT_SUPPORTED));
                    port.startArtim();
                    return State.STA13;
                }
                return State.STA3;
            }
            case AE_7, DT_1, AR_7 -> {
                if (pdu != null) {
                    send(pdu);
                }
            }
            case AE_8 -> {
                send(pdu);
                port.startArtim();
            }
            case AR_1 -> send(new AReleaseRq());
            case AR_4 -> {
                send(new AReleaseRp());
                port.startArtim();
            }
            case AR_9 -> send(new AReleaseRp());
            case AR_5, AA_5 -> port.stopArtim();
            case AA_1 -> {
                send(event.isLocalPrimitive() ? pdu : AAbort.byServiceProvider(received(event, reason)));
                port.startArtim();
            }
            case AA_2 -> {
                port.stopArtim();
                port.closeTransport();
            }
            case AA_7 -> send(AAbort.byServiceProvider(received(event, reason)));
            case AA_8 -> {
                send(AAbort.byServiceProvider(received(event, reason)));
                port.startArtim();
            }
            default -> {
                // AE-3, DT-2, AR-2, AR-6, AR-8, AR-10, AA-4, AA-6: an indication only (returned to the caller)
            }
        }
        return StateTable.nextState(action, requestor);
    }

    private static AbortReason received(Event event, AbortReason reason) {
        return event == Event.EVT19 ? reason : AbortReason.UNEXPECTED_PDU;
    }

    private void send(Pdu pdu) {
        try {
            port.send(pdu);
        } catch (IOException e) {
            // the peer is gone: closing makes the reader see Evt17, which finishes the association
            LOG.debug("{}: sending {} failed: {}", name.get(), pdu.getClass().getSimpleName(), e.toString());
            port.closeTransport();
        }
    }
}
