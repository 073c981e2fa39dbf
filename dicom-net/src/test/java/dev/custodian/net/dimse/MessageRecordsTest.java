package dev.custodian.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageRecordsTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String INST = "1.2.3.4.5";

    @Test
    void validatesMessageIdRange() {
        assertThatThrownBy(() -> new CEchoRq(65536, CT)).hasMessageContaining("Message ID");
        assertThatThrownBy(() -> new CEchoRq(-1, CT)).hasMessageContaining("Message ID");
        assertThat(new CEchoRq(65535, CT).messageId()).isEqualTo(65535);
    }

    @Test
    void validatesUids() {
        assertThatThrownBy(() -> new CStoreRq(1, null, INST)).hasMessageContaining("Affected SOP Class UID is required");
        assertThatThrownBy(() -> new CStoreRq(1, CT, "1.2.x")).hasMessageContaining("not a UID");
        assertThatThrownBy(() -> new CStoreRq(1, CT, "1." + "2".repeat(63))).hasMessageContaining("1..64");
        assertThatThrownBy(() -> new NActionRq(1, CT, "", 1, true)).hasMessageContaining("1..64");
    }

    @Test
    void moveOriginatorFieldsGoTogether() {
        assertThatThrownBy(() -> new CStoreRq(1, CT, INST, Priority.LOW, "MOVER", null))
                .hasMessageContaining("go together");
        CStoreRq rq = new CStoreRq(1, CT, INST, Priority.HIGH, " MOVER ", 7);
        assertThat(rq.moveOriginatorAet()).isEqualTo("MOVER");
        assertThatThrownBy(() -> new CStoreRq(1, CT, INST, Priority.LOW, "A_TITLE_THAT_IS_TOO_LONG", 1))
                .hasMessageContaining("AE title");
    }

    @Test
    void typeIdsAreUs() {
        assertThatThrownBy(() -> new NEventReportRq(1, CT, INST, 70000, true)).hasMessageContaining("Event Type ID");
        assertThatThrownBy(() -> new NActionRsp(1, null, null, -2, Status.SUCCESS, false))
                .hasMessageContaining("Action Type ID");
    }

    @Test
    void genericResponseNeedsAResponseCommandField() {
        assertThatThrownBy(() -> new GenericRsp(CommandField.C_FIND_RQ, 1, null, Status.UNRECOGNIZED_OPERATION))
                .hasMessageContaining("C-FIND-RQ");
        assertThat(new GenericRsp(CommandField.C_FIND_RSP, 1, null, Status.UNRECOGNIZED_OPERATION).hasDataSet())
                .isFalse();
    }

    @Test
    void commandFieldNames() {
        assertThat(CommandField.name(CommandField.N_EVENT_REPORT_RSP)).isEqualTo("N-EVENT-REPORT-RSP");
        assertThat(CommandField.name(CommandField.C_CANCEL_RQ)).isEqualTo("C-CANCEL-RQ");
        assertThat(CommandField.name(0x0777)).isEqualTo("0x0777");
        assertThat(CommandField.responseOf(CommandField.N_ACTION_RQ)).isEqualTo(CommandField.N_ACTION_RSP);
        assertThat(Priority.ofCode(2)).isEqualTo(Priority.LOW);
        assertThat(Priority.ofCode(3)).isNull();
    }

    @Test
    void messageIdsWrapAndSkipOutstanding() {
        MessageIdGenerator ids = new MessageIdGenerator(65534);
        assertThat(ids.next(id -> false)).isEqualTo(65535);
        assertThat(ids.next(id -> id == 1 || id == 2)).isEqualTo(3);
        assertThatThrownBy(() -> new MessageIdGenerator().next(id -> true)).isInstanceOf(IllegalStateException.class);
    }
}
