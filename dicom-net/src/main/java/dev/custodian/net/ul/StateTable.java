package dev.custodian.net.ul;

import static dev.custodian.net.ul.Action.*;
import static dev.custodian.net.ul.Event.*;
import static dev.custodian.net.ul.State.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole DICOM upper layer state transition table, {@code State × Event → Action}, and the
 * state each action leads to. PS3.8 §9.2.3, Table 9-10. An empty cell is an event that cannot
 * happen in that state (a local primitive used out of order, or a PDU before a transport exists).
 */
public final class StateTable {

    private static final State[] ESTABLISHED_ON = {STA6, STA7, STA8, STA9, STA10, STA11, STA12};

    private final Map<State, Map<Event, Action>> table = new EnumMap<>(State.class);

    public StateTable() {
        for (State s : State.values()) {
            table.put(s, new EnumMap<>(Event.class));
        }
        put(EVT1, STA1, AE_1);
        put(EVT2, STA4, AE_2);
        pduRow(EVT3, AA_8, AA_6);
        put(EVT3, STA5, AE_3);
        pduRow(EVT4, AA_8, AA_6);
        put(EVT4, STA5, AE_4);
        put(EVT5, STA1, AE_5);
        pduRow(EVT6, AA_8, AA_7);
        put(EVT6, STA2, AE_6);
        put(EVT7, STA3, AE_7);
        put(EVT8, STA3, AE_8);
        put(EVT9, STA6, DT_1);
        put(EVT9, STA8, AR_7);
        pduRow(EVT10, AA_8, AA_6);
        put(EVT10, STA6, DT_2);
        put(EVT10, STA7, AR_6);
        put(EVT11, STA6, AR_1);
        pduRow(EVT12, AA_8, AA_6);
        put(EVT12, STA6, AR_2);
        put(EVT12, STA7, AR_8);
        pduRow(EVT13, AA_8, AA_6);
        put(EVT13, STA7, AR_3);
        put(EVT13, STA10, AR_10);
        put(EVT13, STA11, AR_3);
        put(EVT14, STA8, AR_4);
        put(EVT14, STA9, AR_9);
        put(EVT14, STA12, AR_4);
        put(EVT15, STA3, AA_1);
        put(EVT15, STA4, AA_2);
        put(EVT15, STA5, AA_1);
        for (State s : ESTABLISHED_ON) {
            put(EVT15, s, AA_1);
            put(EVT16, s, AA_3);
            put(EVT17, s, AA_4);
        }
        put(EVT16, STA2, AA_2);
        put(EVT16, STA3, AA_3);
        put(EVT16, STA5, AA_3);
        put(EVT16, STA13, AA_2);
        put(EVT17, STA2, AA_5);
        put(EVT17, STA3, AA_4);
        put(EVT17, STA4, AA_4);
        put(EVT17, STA5, AA_4);
        put(EVT17, STA13, AR_5);
        put(EVT18, STA2, AA_2);
        put(EVT18, STA13, AA_2);
        pduRow(EVT19, AA_8, AA_7);
    }

    /**
     * The common shape of a "PDU received" row: AA-1 in Sta2, {@code established} in Sta3, Sta5
     * and Sta6–Sta12, {@code closing} in Sta13. Specific cells are overwritten afterwards.
     */
    private void pduRow(Event e, Action established, Action closing) {
        put(e, STA2, AA_1);
        put(e, STA3, established);
        put(e, STA5, established);
        for (State s : ESTABLISHED_ON) {
            put(e, s, established);
        }
        put(e, STA13, closing);
    }

    private void put(Event e, State s, Action a) {
        table.get(s).put(e, a);
    }

    /** The action for this event in this state; empty for an empty cell. */
    public Optional<Action> action(State state, Event event) {
        return Optional.ofNullable(table.get(state).get(event));
    }

    /**
     * The state an action leads to. AE-6 and AR-8 depend on a condition (RQ acceptable by the
     * provider; local side is the requestor), passed as {@code condition}.
     */
    public static State nextState(Action action, boolean condition) {
        return switch (action) {
            case AE_1 -> STA4;
            case AE_2 -> STA5;
            case AE_3, DT_1, DT_2, AE_7 -> STA6;
            case AE_4, AR_3, AR_5, AA_2, AA_3, AA_4, AA_5 -> STA1;
            case AE_5 -> STA2;
            case AE_6 -> condition ? STA3 : STA13;
            case AE_8, AR_4, AA_1, AA_6, AA_7, AA_8 -> STA13;
            case AR_1, AR_6 -> STA7;
            case AR_2, AR_7 -> STA8;
            case AR_8 -> condition ? STA9 : STA10;
            case AR_9 -> STA11;
            case AR_10 -> STA12;
        };
    }
}
