package dev.custodian.net.ul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The table against a cell-by-cell transcription of PS3.8 Table 9-10. */
class StateTableTest {

    /** Rows Evt1..Evt19, columns Sta1..Sta13; "-" = empty cell. */
    static final String[] PS3_8_TABLE_9_10 = {
        "AE-1 -    -    -    -    -    -    -    -    -     -    -    -",
        "-    -    -    AE-2 -    -    -    -    -    -     -    -    -",
        "-    AA-1 AA-8 -    AE-3 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8 AA-8 AA-6",
        "-    AA-1 AA-8 -    AE-4 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8 AA-8 AA-6",
        "AE-5 -    -    -    -    -    -    -    -    -     -    -    -",
        "-    AE-6 AA-8 -    AA-8 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8 AA-8 AA-7",
        "-    -    AE-7 -    -    -    -    -    -    -     -    -    -",
        "-    -    AE-8 -    -    -    -    -    -    -     -    -    -",
        "-    -    -    -    -    DT-1 -    AR-7 -    -     -    -    -",
        "-    AA-1 AA-8 -    AA-8 DT-2 AR-6 AA-8 AA-8 AA-8  AA-8 AA-8 AA-6",
        "-    -    -    -    -    AR-1 -    -    -    -     -    -    -",
        "-    AA-1 AA-8 -    AA-8 AR-2 AR-8 AA-8 AA-8 AA-8  AA-8 AA-8 AA-6",
        "-    AA-1 AA-8 -    AA-8 AA-8 AR-3 AA-8 AA-8 AR-10 AR-3 AA-8 AA-6",
        "-    -    -    -    -    -    -    AR-4 AR-9 -     -    AR-4 -",
        "-    -    AA-1 AA-2 AA-1 AA-1 AA-1 AA-1 AA-1 AA-1  AA-1 AA-1 -",
        "-    AA-2 AA-3 -    AA-3 AA-3 AA-3 AA-3 AA-3 AA-3  AA-3 AA-3 AA-2",
        "-    AA-5 AA-4 AA-4 AA-4 AA-4 AA-4 AA-4 AA-4 AA-4  AA-4 AA-4 AR-5",
        "-    AA-2 -    -    -    -    -    -    -    -     -    -    AA-2",
        "-    AA-1 AA-8 -    AA-8 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8 AA-8 AA-7",
    };

    static Optional<Action> expected(State s, Event e) {
        String cell = PS3_8_TABLE_9_10[e.ordinal()].trim().split("\\s+")[s.ordinal()];
        return cell.equals("-") ? Optional.empty() : Optional.of(Action.valueOf(cell.replace('-', '_')));
    }

    @Test
    void everyCellMatchesTheStandard() {
        StateTable table = new StateTable();
        for (Event e : Event.values()) {
            for (State s : State.values()) {
                assertThat(table.action(s, e)).as("%s × %s", s.label(), e.label()).isEqualTo(expected(s, e));
            }
        }
    }

    @Test
    void everyPduOrTimerEventHasAnActionWheneverATransportExists() {
        StateTable table = new StateTable();
        for (Event e : Event.values()) {
            if (e.isLocalPrimitive() || e == Event.EVT2 || e == Event.EVT5 || e == Event.EVT18) {
                continue;
            }
            for (State s : State.values()) {
                if (s != State.STA1 && s != State.STA4) {
                    assertThat(table.action(s, e)).as("%s × %s", s.label(), e.label()).isPresent();
                }
            }
        }
    }

    @Test
    void nextStatesFollowTheActionDefinitions() {
        assertThat(StateTable.nextState(Action.AE_6, true)).isEqualTo(State.STA3);
        assertThat(StateTable.nextState(Action.AE_6, false)).isEqualTo(State.STA13);
        assertThat(StateTable.nextState(Action.AR_8, true)).isEqualTo(State.STA9);
        assertThat(StateTable.nextState(Action.AR_8, false)).isEqualTo(State.STA10);
        assertThat(StateTable.nextState(Action.AR_9, true)).isEqualTo(State.STA11);
        assertThat(StateTable.nextState(Action.AR_10, true)).isEqualTo(State.STA12);
        assertThat(StateTable.nextState(Action.AA_6, true)).isEqualTo(State.STA13);
        assertThat(StateTable.nextState(Action.AR_5, true)).isEqualTo(State.STA1);
    }

    @Test
    void labelsAreTheStandardsNotation() {
        assertThat(State.STA13.label()).isEqualTo("Sta13");
        assertThat(Event.EVT19.label()).isEqualTo("Evt19");
        assertThat(Action.AR_10.label()).isEqualTo("AR-10");
    }
}
