package dev.custodian.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custodian.dicom.dict.Tag;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandCodecTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String INST = "1.2.826.0.1.3680043.2.1143.1";
    private static final String STGCMT = "1.2.840.10008.1.20.1";
    private static final String STGCMT_INST = "1.2.840.10008.1.20.1.1";

    static List<DimseMessage> everyMessage() {
        Status warning = Status.COERCION_OF_DATA_ELEMENTS.withComment("PatientName coerced");
        Status failure = Status.MISSING_ATTRIBUTE.withComment("no UID").withOffendingElements(List.of(0x00081199, 0x00081150));
        return List.of(
                new CEchoRq(1, "1.2.840.10008.1.1"),
                new CEchoRsp(1, "1.2.840.10008.1.1", Status.SUCCESS),
                new CEchoRsp(2, null, Status.PROCESSING_FAILURE),
                new CStoreRq(65535, CT, INST),
                new CStoreRq(7, CT, INST, Priority.HIGH, "MOVESCU", 42),
                new CStoreRsp(7, CT, INST, warning),
                new CStoreRsp(8, null, null, Status.OUT_OF_RESOURCES.withComment("disk full")),
                new NActionRq(3, STGCMT, STGCMT_INST, 1, true),
                new NActionRq(4, STGCMT, STGCMT_INST, 2, false),
                new NActionRsp(3, STGCMT, STGCMT_INST, null, Status.SUCCESS, false),
                new NActionRsp(4, STGCMT, STGCMT_INST, 2, failure, true),
                new NEventReportRq(5, STGCMT, STGCMT_INST, 2, true),
                new NEventReportRsp(5, STGCMT, STGCMT_INST, 2, Status.SUCCESS, false),
                new NEventReportRsp(6, null, null, null, Status.NO_SUCH_EVENT_TYPE, false),
                new GenericRsp(CommandField.C_FIND_RSP, 9, CT, Status.UNRECOGNIZED_OPERATION.withComment("x")));
    }

    @Test
    void everyMessageRoundTrips() throws Exception {
        for (DimseMessage m : everyMessage()) {
            assertThat(CommandCodec.decode(CommandCodec.encode(m))).as(m.toString()).isEqualTo(m);
        }
    }

    @Test
    void commandSetStartsWithItsGroupLengthAndIsImplicitLittleEndian() {
        byte[] bytes = CommandCodec.encode(new CEchoRq(1, "1.2.840.10008.1.1"));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt()).as("tag (0000,0000)").isZero();
        assertThat(b.getInt()).as("length").isEqualTo(4);
        assertThat(b.getInt()).as("group length").isEqualTo(bytes.length - 12);
        // Elements in ascending tag order: (0000,0002) Affected SOP Class UID, 18 bytes padded with NUL.
        assertThat(b.getShort()).isZero();
        assertThat(b.getShort()).isEqualTo((short) 0x0002);
        assertThat(b.getInt()).isEqualTo(18);
        byte[] uid = new byte[18];
        b.get(uid);
        assertThat(uid[17]).isZero();
        assertThat(b.getShort()).isZero();
        assertThat(b.getShort()).isEqualTo((short) 0x0100);
        assertThat(b.getInt()).isEqualTo(2);
        assertThat(b.getShort()).isEqualTo((short) CommandField.C_ECHO_RQ);
    }

    @Test
    void noDataSetIsWritten0101() throws Exception {
        CommandSets.View v = CommandSets.parse(CommandCodec.encode(new CEchoRq(1, "1.2.840.10008.1.1")));
        assertThat(v.us(Tag.CommandDataSetType)).isEqualTo(0x0101);
        CommandSets.View s = CommandSets.parse(CommandCodec.encode(new CStoreRq(1, CT, INST)));
        assertThat(s.us(Tag.CommandDataSetType)).isNotEqualTo(0x0101);
    }

    @Test
    void truncatedBytesAreUndecodable() {
        byte[] bytes = CommandCodec.encode(new CStoreRq(1, CT, INST));
        InvalidCommandException e = catchThrowableOfType(InvalidCommandException.class,
                () -> CommandCodec.decode(Arrays.copyOf(bytes, bytes.length - 5)));
        assertThat(e.answerable()).isFalse();
        assertThat(e.getMessage()).contains("Undecodable");
    }

    @Test
    void missingCommandFieldIsUndecodable() {
        byte[] bytes = CommandSets.builder().us(Tag.MessageID, 1).us(Tag.CommandDataSetType, 0x0101).toBytes();
        InvalidCommandException e = catchThrowableOfType(InvalidCommandException.class, () -> CommandCodec.decode(bytes));
        assertThat(e.answerable()).isFalse();
        assertThat(e.getMessage()).contains("(0000,0100)");
    }

    @Test
    void missingMessageIdCannotBeAnswered() {
        byte[] bytes = CommandSets.builder().us(Tag.CommandField, CommandField.C_ECHO_RQ)
                .us(Tag.CommandDataSetType, 0x0101).ui(Tag.AffectedSOPClassUID, "1.2.840.10008.1.1").toBytes();
        InvalidCommandException e = catchThrowableOfType(InvalidCommandException.class, () -> CommandCodec.decode(bytes));
        assertThat(e.answerable()).isFalse();
    }

    @Test
    void storeWithoutInstanceUidIsAnsweredCannotUnderstand() {
        byte[] bytes = CommandSets.builder().us(Tag.CommandField, CommandField.C_STORE_RQ).us(Tag.MessageID, 9)
                .us(Tag.CommandDataSetType, 0).us(Tag.Priority, 0).ui(Tag.AffectedSOPClassUID, CT).toBytes();
        InvalidCommandException e = catchThrowableOfType(InvalidCommandException.class, () -> CommandCodec.decode(bytes));
        assertThat(e.answerable()).isTrue();
        assertThat(e.messageId()).isEqualTo(9);
        assertThat(e.hasDataSet()).isTrue();
        assertThat(e.affectedSopClassUid()).isEqualTo(CT);
        assertThat(e.status().code()).isEqualTo(0xC000);
        assertThat(e.status().offendingElements()).containsExactly(Tag.AffectedSOPInstanceUID);
    }

    @Test
    void storeWithBadPriorityOrBadUidIsRefused() {
        byte[] badPriority = CommandSets.builder().us(Tag.CommandField, CommandField.C_STORE_RQ).us(Tag.MessageID, 9)
                .us(Tag.CommandDataSetType, 0).us(Tag.Priority, 5).ui(Tag.AffectedSOPClassUID, CT)
                .ui(Tag.AffectedSOPInstanceUID, INST).toBytes();
        InvalidCommandException e = catchThrowableOfType(InvalidCommandException.class, () -> CommandCodec.decode(badPriority));
        assertThat(e.status().code()).isEqualTo(0xC000);
        assertThat(e.status().offendingElements()).containsExactly(Tag.Priority);

        byte[] badUid = CommandSets.builder().us(Tag.CommandField, CommandField.C_STORE_RQ).us(Tag.MessageID, 9)
                .us(Tag.CommandDataSetType, 0).us(Tag.Priority, 0).ui(Tag.AffectedSOPClassUID, CT)
                .ui(Tag.AffectedSOPInstanceUID, "1.2.abc").toBytes();
        e = catchThrowableOfType(InvalidCommandException.class, () -> CommandCodec.decode(badUid));
        assertThat(e.answerable()).isTrue();
        assertThat(e.status().code()).isEqualTo(0xC000);
        assertThat(e.status().errorComment()).contains("not a UID");
    }

    @Test
    void actionWithoutActionTypeIsMissingAttribute() {
        byte[] bytes = CommandSets.builder().us(Tag.CommandField, CommandField.N_ACTION_RQ).us(Tag.MessageID, 3)
                .us(Tag.CommandDataSetType, 0).ui(Tag.RequestedSOPClassUID, STGCMT)
                .ui(Tag.RequestedSOPInstanceUID, STGCMT_INST).toBytes();
        InvalidCommandException e = catchThrowableOfType(InvalidCommandException.class, () -> CommandCodec.decode(bytes));
        assertThat(e.answerable()).isTrue();
        assertThat(e.status().code()).isEqualTo(0x0120);
        assertThat(e.status().offendingElements()).containsExactly(Tag.ActionTypeID);
        assertThat(e.affectedSopClassUid()).isEqualTo(STGCMT);
    }

    @Test
    void unknownRequestIsUnrecognizedOperation() {
        byte[] bytes = CommandSets.builder().us(Tag.CommandField, CommandField.C_FIND_RQ).us(Tag.MessageID, 4)
                .us(Tag.CommandDataSetType, 0).us(Tag.Priority, 0).ui(Tag.AffectedSOPClassUID, CT).toBytes();
        InvalidCommandException e = catchThrowableOfType(InvalidCommandException.class, () -> CommandCodec.decode(bytes));
        assertThat(e.answerable()).isTrue();
        assertThat(e.status().code()).isEqualTo(0x0211);
        assertThat(e.hasDataSet()).isTrue();
    }

    @Test
    void responseWithoutStatusIsNotAnswerable() {
        byte[] bytes = CommandSets.builder().us(Tag.CommandField, CommandField.C_ECHO_RSP)
                .us(Tag.MessageIDBeingRespondedTo, 4).us(Tag.CommandDataSetType, 0x0101).toBytes();
        InvalidCommandException e = catchThrowableOfType(InvalidCommandException.class, () -> CommandCodec.decode(bytes));
        assertThat(e.answerable()).isFalse();
    }
}
