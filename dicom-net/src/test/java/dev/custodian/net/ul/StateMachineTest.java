package dev.custodian.net.ul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.custodian.net.pdu.AAbort;
import dev.custodian.net.pdu.AAssociateAc;
import dev.custodian.net.pdu.AAssociateRj;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.AReleaseRp;
import dev.custodian.net.pdu.AReleaseRq;
import dev.custodian.net.pdu.AbortReason;
import dev.custodian.net.pdu.AbortSource;
import dev.custodian.net.pdu.PDataTf;
import dev.custodian.net.pdu.Pdu;
import dev.custodian.net.pdu.Pdv;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.pdu.RejectResult;
import dev.custodian.net.pdu.RejectSource;
import dev.custodian.net.pdu.UserInformation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The state machine, event by event, in memory: effects and next state of every table cell. */
class StateMachineTest {

    /** Records what the machine asks of the transport. */
    static final class RecordingPort implements StateMachine.Port {
        final List<Pdu> sent = new ArrayList<>();
        int artimStarts;
        int artimStops;
        int closes;
        boolean failSends;

        @Override
        public void send(Pdu pdu) throws IOException {
            if (failSends) {
                throw new IOException("broken pipe");
            }
            sent.add(pdu);
        }

        @Override
        public void closeTransport() {
            closes++;
        }

        @Override
        public void startArtim() {
            artimStarts++;
        }

        @Override
        public void stopArtim() {
            artimStops++;
        }
    }

    static final AAssociateRq RQ = new AAssociateRq(1, "CALLED", "CALLING", AAssociateRq.DICOM_APPLICATION_CONTEXT,
            List.of(new PresentationContextRq(1, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2"))),
            new UserInformation(List.of()));
    static final AAssociateAc AC = new AAssociateAc(1, "CALLED", "CALLING", AAssociateRq.DICOM_APPLICATION_CONTEXT,
            List.of(), new UserInformation(List.of()));
    static final AAssociateRj RJ = new AAssociateRj(RejectResult.REJECTED_PERMANENT, RejectSource.SERVICE_USER, 1);
    static final PDataTf PDATA = new PDataTf(List.of(new Pdv(1, true, true, new byte[] {1})));

    /** Effects of each action per PS3.8 Tables 9-6..9-9: PDU sent, ARTIM start/stop, close, next state. */
    record Effect(Class<? extends Pdu> sends, boolean artimStart, boolean artimStop, boolean close, State next) {
    }

    static final Map<Action, Effect> EFFECTS = new EnumMap<>(Action.class);

    static {
        EFFECTS.put(Action.AE_1, new Effect(null, false, false, false, State.STA4));
        EFFECTS.put(Action.AE_2, new Effect(AAssociateRq.class, false, false, false, State.STA5));
        EFFECTS.put(Action.AE_3, new Effect(null, false, false, false, State.STA6));
        EFFECTS.put(Action.AE_4, new Effect(null, false, false, true, State.STA1));
        EFFECTS.put(Action.AE_5, new Effect(null, true, false, false, State.STA2));
        EFFECTS.put(Action.AE_6, new Effect(null, false, true, false, State.STA3));
        EFFECTS.put(Action.AE_7, new Effect(AAssociateAc.class, false, false, false, State.STA6));
        EFFECTS.put(Action.AE_8, new Effect(AAssociateRj.class, true, false, false, State.STA13));
        EFFECTS.put(Action.DT_1, new Effect(PDataTf.class, false, false, false, State.STA6));
        EFFECTS.put(Action.DT_2, new Effect(null, false, false, false, State.STA6));
        EFFECTS.put(Action.AR_1, new Effect(AReleaseRq.class, false, false, false, State.STA7));
        EFFECTS.put(Action.AR_2, new Effect(null, false, false, false, State.STA8));
        EFFECTS.put(Action.AR_3, new Effect(null, false, false, true, State.STA1));
        EFFECTS.put(Action.AR_4, new Effect(AReleaseRp.class, true, false, false, State.STA13));
        EFFECTS.put(Action.AR_5, new Effect(null, false, true, false, State.STA1));
        EFFECTS.put(Action.AR_6, new Effect(null, false, false, false, State.STA7));
        EFFECTS.put(Action.AR_7, new Effect(PDataTf.class, false, false, false, State.STA8));
        EFFECTS.put(Action.AR_8, new Effect(null, false, false, false, State.STA9)); // requestor side
        EFFECTS.put(Action.AR_9, new Effect(AReleaseRp.class, false, false, false, State.STA11));
        EFFECTS.put(Action.AR_10, new Effect(null, false, false, false, State.STA12));
        EFFECTS.put(Action.AA_1, new Effect(AAbort.class, true, false, false, State.STA13));
        EFFECTS.put(Action.AA_2, new Effect(null, false, true, true, State.STA1));
        EFFECTS.put(Action.AA_3, new Effect(null, false, false, true, State.STA1));
        EFFECTS.put(Action.AA_4, new Effect(null, false, false, false, State.STA1));
        EFFECTS.put(Action.AA_5, new Effect(null, false, true, false, State.STA1));
        EFFECTS.put(Action.AA_6, new Effect(null, false, false, false, State.STA13));
        EFFECTS.put(Action.AA_7, new Effect(AAbort.class, false, false, false, State.STA13));
        EFFECTS.put(Action.AA_8, new Effect(AAbort.class, true, false, false, State.STA13));
    }

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Logger logger;

    @BeforeEach
    void captureLog() {
        logger = (Logger) LoggerFactory.getLogger(StateMachine.class);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    static Pdu pduFor(Event e) {
        return switch (e) {
            case EVT1, EVT6 -> RQ;
            case EVT3, EVT7 -> AC;
            case EVT4, EVT8 -> RJ;
            case EVT9, EVT10 -> PDATA;
            case EVT12 -> new AReleaseRq();
            case EVT13 -> new AReleaseRp();
            case EVT15 -> AAbort.byServiceUser();
            case EVT16 -> AAbort.byServiceProvider(AbortReason.NOT_SPECIFIED);
            default -> null;
        };
    }

    @Test
    void everyCellPerformsItsActionsEffectsAndReachesItsNextState() {
        StateTable table = new StateTable();
        int cells = 0;
        for (State s : State.values()) {
            for (Event e : Event.values()) {
                if (table.action(s, e).isEmpty()) {
                    continue;
                }
                Action action = table.action(s, e).get();
                RecordingPort port = new RecordingPort();
                StateMachine m = new StateMachine(table, port, true, () -> "test");
                if (s == State.STA4) {
                    m.handle(Event.EVT1, RQ); // AE-2 sends the RQ that AE-1 got
                }
                m.forceState(s);
                log.list.clear();
                assertThat(m.handle(e, pduFor(e))).contains(action);
                Effect fx = EFFECTS.get(action);
                String cell = s.label() + " × " + e.label() + " → " + action.label();
                assertThat(m.state()).as(cell).isEqualTo(fx.next());
                if (fx.sends() == null) {
                    assertThat(port.sent).as(cell).isEmpty();
                } else {
                    assertThat(port.sent).as(cell).singleElement().isInstanceOf(fx.sends());
                }
                assertThat(port.artimStarts).as(cell + " ARTIM start").isEqualTo(fx.artimStart() ? 1 : 0);
                assertThat(port.artimStops > 0).as(cell + " ARTIM stop").isEqualTo(fx.artimStop());
                assertThat(port.closes).as(cell + " close").isEqualTo(fx.close() ? 1 : 0);
                boolean violation = action == Action.AA_7 || action == Action.AA_8
                        || (action == Action.AA_1 && !e.isLocalPrimitive());
                assertThat(log.list).as(cell + " log lines").hasSize(violation ? 1 : 0);
                cells++;
            }
        }
        long nonEmpty = java.util.Arrays.stream(StateTableTest.PS3_8_TABLE_9_10)
                .flatMap(row -> java.util.Arrays.stream(row.trim().split("\\s+"))).filter(c -> !c.equals("-")).count();
        assertThat(cells).isEqualTo(nonEmpty).isEqualTo(123);
    }

    @Test
    void illegalPduAbortsAsServiceProviderWithTheReasonAndOneWarning() {
        RecordingPort port = new RecordingPort();
        StateMachine m = new StateMachine(new StateTable(), port, false, () -> "peer");
        m.forceState(State.STA6);
        m.handle(Event.EVT3, AC);
        assertThat(port.sent).containsExactly(AAbort.byServiceProvider(AbortReason.UNEXPECTED_PDU));
        assertThat(log.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("Evt3", "Sta6", "AA-8");
        });
        port.sent.clear();
        m.forceState(State.STA6);
        m.invalidPdu(AbortReason.INVALID_PDU_PARAMETER_VALUE, "PDV item length 1 at offset 6");
        assertThat(port.sent).containsExactly(AAbort.byServiceProvider(AbortReason.INVALID_PDU_PARAMETER_VALUE));
    }

    @Test
    void pDataBeforeAssociationInSta2IsAbortedAsUnexpectedPdu() {
        RecordingPort port = new RecordingPort();
        StateMachine m = new StateMachine(new StateTable(), port, false, () -> "peer");
        m.handle(Event.EVT5, null);
        m.handle(Event.EVT10, PDATA);
        assertThat(port.sent).containsExactly(AAbort.byServiceProvider(AbortReason.UNEXPECTED_PDU));
        assertThat(m.state()).isEqualTo(State.STA13);
    }

    @Test
    void localAbortSendsTheGivenServiceUserAbort() {
        RecordingPort port = new RecordingPort();
        StateMachine m = new StateMachine(new StateTable(), port, true, () -> "x");
        m.forceState(State.STA6);
        m.handle(Event.EVT15, AAbort.byServiceUser());
        assertThat(port.sent).containsExactly(new AAbort(AbortSource.SERVICE_USER, AbortReason.NOT_SPECIFIED));
        assertThat(log.list).isEmpty();
    }

    @Test
    void unsupportedProtocolVersionIsRejectedByTheAcseProvider() {
        RecordingPort port = new RecordingPort();
        StateMachine m = new StateMachine(new StateTable(), port, false, () -> "x");
        m.handle(Event.EVT5, null);
        AAssociateRq v2 = new AAssociateRq(2, "A", "B", AAssociateRq.DICOM_APPLICATION_CONTEXT, List.of(),
                new UserInformation(List.of()));
        m.handle(Event.EVT6, v2);
        assertThat(m.state()).isEqualTo(State.STA13);
        assertThat(port.sent).containsExactly(new AAssociateRj(RejectResult.REJECTED_PERMANENT,
                RejectSource.SERVICE_PROVIDER_ACSE, AAssociateRj.ACSE_PROTOCOL_VERSION_NOT_SUPPORTED));
        assertThat(port.artimStarts).isEqualTo(2); // AE-5 and again after the RJ
    }

    @Test
    void localPrimitiveInTheWrongStateIsAProgrammingError() {
        StateMachine m = new StateMachine(new StateTable(), new RecordingPort(), true, () -> "x");
        assertThatThrownBy(() -> m.handle(Event.EVT9, PDATA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Evt9").hasMessageContaining("Sta1");
        assertThat(m.permits(Event.EVT9)).isFalse();
    }

    @Test
    void remoteEventsAfterTheEndAreIgnored() {
        StateMachine m = new StateMachine(new StateTable(), new RecordingPort(), true, () -> "x");
        assertThat(m.handle(Event.EVT17, null)).isEmpty();
        assertThat(m.handle(Event.EVT18, null)).isEmpty();
        assertThat(m.state()).isEqualTo(State.STA1);
    }

    @Test
    void releaseCollisionOnTheRequestorSide() {
        RecordingPort port = new RecordingPort();
        StateMachine m = new StateMachine(new StateTable(), port, true, () -> "x");
        m.forceState(State.STA6);
        m.handle(Event.EVT11, null);               // AR-1
        m.handle(Event.EVT12, new AReleaseRq());   // AR-8
        assertThat(m.state()).isEqualTo(State.STA9);
        m.handle(Event.EVT14, null);               // AR-9
        assertThat(m.state()).isEqualTo(State.STA11);
        m.handle(Event.EVT13, new AReleaseRp());   // AR-3
        assertThat(m.state()).isEqualTo(State.STA1);
        assertThat(port.sent).extracting(Pdu::getClass).containsExactly(AReleaseRq.class, AReleaseRp.class);
        assertThat(port.closes).isEqualTo(1);
    }

    @Test
    void releaseCollisionOnTheAcceptorSide() {
        RecordingPort port = new RecordingPort();
        StateMachine m = new StateMachine(new StateTable(), port, false, () -> "x");
        m.forceState(State.STA6);
        m.handle(Event.EVT11, null);               // AR-1
        m.handle(Event.EVT12, new AReleaseRq());   // AR-8
        assertThat(m.state()).isEqualTo(State.STA10);
        m.handle(Event.EVT13, new AReleaseRp());   // AR-10
        assertThat(m.state()).isEqualTo(State.STA12);
        m.handle(Event.EVT14, null);               // AR-4
        assertThat(m.state()).isEqualTo(State.STA13);
        m.handle(Event.EVT17, null);               // AR-5
        assertThat(m.state()).isEqualTo(State.STA1);
        assertThat(port.sent).extracting(Pdu::getClass).containsExactly(AReleaseRq.class, AReleaseRp.class);
        assertThat(port.artimStarts).isEqualTo(1);
        assertThat(port.artimStops).isEqualTo(1);
    }

    @Test
    void aFailedSendClosesTheTransport() {
        RecordingPort port = new RecordingPort();
        port.failSends = true;
        StateMachine m = new StateMachine(new StateTable(), port, true, () -> "x");
        m.forceState(State.STA6);
        m.handle(Event.EVT11, null);
        assertThat(port.closes).isEqualTo(1);
        assertThat(m.state()).isEqualTo(State.STA7);
    }
}
