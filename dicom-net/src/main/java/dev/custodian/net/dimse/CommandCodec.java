package dev.custodian.net.dimse;

import dev.custodian.dicom.dict.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * Message records to command sets and back (PS3.7 §6.3.1, §9.3, §10.3, Annex E): the command
 * elements of each message, encoded by {@link CommandSets} in Implicit VR Little Endian with
 * Command Group Length (0000,0000). Pure: bytes in, record out, and back.
 */
public final class CommandCodec {
    /** Command Data Set Type (0000,0800) meaning "no data set" (PS3.7 §E.1). */
    public static final int NO_DATA_SET = 0x0101;
    /** The value this codec writes when a data set follows; any other value but 0101H means so too. */
    public static final int DATA_SET_PRESENT = 0x0000;

    private CommandCodec() {
    }

    /** The command set bytes of {@code message}. */
    public static byte[] encode(DimseMessage message) {
        CommandSets.Builder b = CommandSets.builder();
        b.us(Tag.CommandField, message.commandField());
        b.us(Tag.CommandDataSetType, message.hasDataSet() ? DATA_SET_PRESENT : NO_DATA_SET);
        if (message instanceof DimseRequest rq) {
            b.us(Tag.MessageID, rq.messageId());
        } else {
            DimseResponse rsp = (DimseResponse) message;
            b.us(Tag.MessageIDBeingRespondedTo, rsp.messageIdBeingRespondedTo());
            Status s = rsp.status();
            b.us(Tag.Status, s.code());
            b.lo(Tag.ErrorComment, s.errorComment());
            b.at(Tag.OffendingElement, s.offendingElements());
        }
        MessageFields.encode(message, b);
        return b.toBytes();
    }

    /**
     * The message in {@code command}.
     *
     * @throws InvalidCommandException when the bytes are not a command set, a required element
     *                                 is missing or malformed, or the command field is not one
     *                                 this layer models; carries what could be read
     */
    public static DimseMessage decode(byte[] command) throws InvalidCommandException {
        CommandSets.View v;
        try {
            v = CommandSets.parse(command);
        } catch (java.io.IOException | RuntimeException e) {
            throw InvalidCommandException.undecodable("Undecodable command set: " + e.getMessage(), e);
        }
        Integer field = v.us(Tag.CommandField);
        if (field == null) {
            throw InvalidCommandException.undecodable("Command set without Command Field (0000,0100)", null);
        }
        boolean response = CommandField.isResponse(field);
        Integer id = v.us(response ? Tag.MessageIDBeingRespondedTo : Tag.MessageID);
        String sopClass = v.string(Tag.AffectedSOPClassUID);
        if (sopClass == null) {
            sopClass = v.string(Tag.RequestedSOPClassUID);
        }
        sopClass = validUidOrNull(sopClass);
        Integer dataSetType = v.us(Tag.CommandDataSetType);
        boolean hasData = dataSetType == null || dataSetType != NO_DATA_SET;
        Fields f = new Fields(v, field, id == null ? -1 : id, sopClass, hasData);
        if (id == null) {
            throw f.invalid(response ? Tag.MessageIDBeingRespondedTo : Tag.MessageID, "missing");
        }
        if (dataSetType == null) {
            throw f.invalid(Tag.CommandDataSetType, "missing");
        }
        return MessageFields.decode(f);
    }

    private static String validUidOrNull(String uid) {
        try {
            return Checks.optionalUid(uid, "SOP Class UID");
        } catch (IllegalArgumentException e) {
            return null; // echoed in a refusal only when valid
        }
    }

    /** Reading side: the parsed command plus the context an {@link InvalidCommandException} needs. */
    static final class Fields {
        final CommandSets.View view;
        final int commandField;
        final int messageId;
        final String sopClass;
        final boolean hasDataSet;

        Fields(CommandSets.View view, int commandField, int messageId, String sopClass, boolean hasDataSet) {
            this.view = view;
            this.commandField = commandField;
            this.messageId = messageId;
            this.sopClass = sopClass;
            this.hasDataSet = hasDataSet;
        }

        int requiredUs(int tag) throws InvalidCommandException {
            Integer v = view.us(tag);
            if (v == null) {
                throw invalid(tag, "missing");
            }
            return v;
        }

        String requiredUid(int tag) throws InvalidCommandException {
            String v = view.string(tag);
            if (v == null) {
                throw invalid(tag, "missing");
            }
            return v;
        }

        Status status() throws InvalidCommandException {
            int code = requiredUs(Tag.Status);
            List<Integer> offending = view.at(Tag.OffendingElement);
            return new Status(code, view.string(Tag.ErrorComment), offending == null ? new ArrayList<>() : offending);
        }

        /** The element {@code tag} is missing or wrong: refuse with the status the operation names. */
        InvalidCommandException invalid(int tag, String problem) {
            boolean store = commandField == CommandField.C_STORE_RQ;
            Status base = store ? Status.CANNOT_UNDERSTAND
                    : problem.equals("missing") ? Status.MISSING_ATTRIBUTE : Status.INVALID_ARGUMENT_VALUE;
            String what = String.format("(%04X,%04X) %s", tag >>> 16, tag & 0xFFFF, problem);
            return new InvalidCommandException(CommandField.name(commandField) + ": " + what, commandField,
                    messageId, sopClass, hasDataSet, base.withComment(what).withOffendingElements(List.of(tag)));
        }

        /** A record constructor refused a value: report it as an invalid argument value. */
        InvalidCommandException invalid(IllegalArgumentException e) {
            boolean store = commandField == CommandField.C_STORE_RQ;
            Status base = store ? Status.CANNOT_UNDERSTAND : Status.INVALID_ARGUMENT_VALUE;
            return new InvalidCommandException(CommandField.name(commandField) + ": " + e.getMessage(),
                    commandField, messageId, sopClass, hasDataSet, base.withComment(e.getMessage()));
        }
    }
}
