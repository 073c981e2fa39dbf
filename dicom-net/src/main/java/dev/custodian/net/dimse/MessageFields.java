package dev.custodian.net.dimse;

import dev.custodian.dicom.dict.Tag;

/**
 * The message-specific command elements of each record (PS3.7 tables 9.3-1/-2, 9.3-12/-13,
 * 10.3-1/-2, 10.3-7/-8), both ways. The elements common to all messages are in {@link CommandCodec}.
 */
final class MessageFields {
    private MessageFields() {
    }

    static void encode(DimseMessage m, CommandSets.Builder b) {
        if (m instanceof CEchoRq e) {
            b.ui(Tag.AffectedSOPClassUID, e.affectedSopClassUid());
        } else if (m instanceof CEchoRsp e) {
            b.ui(Tag.AffectedSOPClassUID, e.affectedSopClassUid());
        } else if (m instanceof CStoreRq s) {
            b.ui(Tag.AffectedSOPClassUID, s.affectedSopClassUid());
            b.ui(Tag.AffectedSOPInstanceUID, s.affectedSopInstanceUid());
            b.us(Tag.Priority, s.priority().code());
            b.ae(Tag.MoveOriginatorApplicationEntityTitle, s.moveOriginatorAet());
            if (s.moveOriginatorMessageId() != null) {
                b.us(Tag.MoveOriginatorMessageID, s.moveOriginatorMessageId());
            }
        } else if (m instanceof CStoreRsp s) {
            b.ui(Tag.AffectedSOPClassUID, s.affectedSopClassUid());
            b.ui(Tag.AffectedSOPInstanceUID, s.affectedSopInstanceUid());
        } else if (m instanceof NActionRq a) {
            b.ui(Tag.RequestedSOPClassUID, a.requestedSopClassUid());
            b.ui(Tag.RequestedSOPInstanceUID, a.requestedSopInstanceUid());
            b.us(Tag.ActionTypeID, a.actionTypeId());
        } else if (m instanceof NActionRsp a) {
            b.ui(Tag.AffectedSOPClassUID, a.affectedSopClassUid());
            b.ui(Tag.AffectedSOPInstanceUID, a.affectedSopInstanceUid());
            if (a.actionTypeId() != null) {
                b.us(Tag.ActionTypeID, a.actionTypeId());
            }
        } else if (m instanceof NEventReportRq n) {
            b.ui(Tag.AffectedSOPClassUID, n.affectedSopClassUid());
            b.ui(Tag.AffectedSOPInstanceUID, n.affectedSopInstanceUid());
            b.us(Tag.EventTypeID, n.eventTypeId());
        } else if (m instanceof NEventReportRsp n) {
            b.ui(Tag.AffectedSOPClassUID, n.affectedSopClassUid());
            b.ui(Tag.AffectedSOPInstanceUID, n.affectedSopInstanceUid());
            if (n.eventTypeId() != null) {
                b.us(Tag.EventTypeID, n.eventTypeId());
            }
        } else if (m instanceof GenericRsp g) {
            b.ui(Tag.AffectedSOPClassUID, g.affectedSopClassUid());
        }
    }

    static DimseMessage decode(CommandCodec.Fields f) throws InvalidCommandException {
        CommandSets.View v = f.view;
        try {
            switch (f.commandField) {
                case CommandField.C_ECHO_RQ:
                    return new CEchoRq(f.messageId, f.requiredUid(Tag.AffectedSOPClassUID));
                case CommandField.C_ECHO_RSP:
                    return new CEchoRsp(f.messageId, v.string(Tag.AffectedSOPClassUID), f.status());
                case CommandField.C_STORE_RQ:
                    return storeRq(f);
                case CommandField.C_STORE_RSP:
                    return new CStoreRsp(f.messageId, v.string(Tag.AffectedSOPClassUID),
                            v.string(Tag.AffectedSOPInstanceUID), f.status());
                case CommandField.N_ACTION_RQ:
                    return new NActionRq(f.messageId, f.requiredUid(Tag.RequestedSOPClassUID),
                            f.requiredUid(Tag.RequestedSOPInstanceUID), f.requiredUs(Tag.ActionTypeID), f.hasDataSet);
                case CommandField.N_ACTION_RSP:
                    return new NActionRsp(f.messageId, v.string(Tag.AffectedSOPClassUID),
                            v.string(Tag.AffectedSOPInstanceUID), v.us(Tag.ActionTypeID), f.status(), f.hasDataSet);
                case CommandField.N_EVENT_REPORT_RQ:
                    return new NEventReportRq(f.messageId, f.requiredUid(Tag.AffectedSOPClassUID),
                            f.requiredUid(Tag.AffectedSOPInstanceUID), f.requiredUs(Tag.EventTypeID), f.hasDataSet);
                case CommandField.N_EVENT_REPORT_RSP:
                    return new NEventReportRsp(f.messageId, v.string(Tag.AffectedSOPClassUID),
                            v.string(Tag.AffectedSOPInstanceUID), v.us(Tag.EventTypeID), f.status(), f.hasDataSet);
                default:
                    return other(f);
            }
        } catch (IllegalArgumentException e) {
            throw f.invalid(e);
        }
    }

    private static CStoreRq storeRq(CommandCodec.Fields f) throws InvalidCommandException {
        int code = f.requiredUs(Tag.Priority);
        Priority priority = Priority.ofCode(code);
        if (priority == null) {
            throw f.invalid(Tag.Priority, "is " + code + ", not 0, 1 or 2");
        }
        if (!f.hasDataSet) {
            throw f.invalid(Tag.CommandDataSetType, "says no data set");
        }
        return new CStoreRq(f.messageId, f.requiredUid(Tag.AffectedSOPClassUID),
                f.requiredUid(Tag.AffectedSOPInstanceUID), priority,
                f.view.string(Tag.MoveOriginatorApplicationEntityTitle), f.view.us(Tag.MoveOriginatorMessageID));
    }

    /** A command this layer does not model: a response is kept generic, a request refused. */
    private static DimseMessage other(CommandCodec.Fields f) throws InvalidCommandException {
        if (CommandField.isResponse(f.commandField)) {
            if (f.hasDataSet) {
                throw new InvalidCommandException(CommandField.name(f.commandField) + " with a data set is not supported",
                        f.commandField, f.messageId, f.sopClass, true, null);
            }
            return new GenericRsp(f.commandField, f.messageId, f.sopClass, f.status());
        }
        throw new InvalidCommandException(CommandField.name(f.commandField) + " is not performed here",
                f.commandField, f.messageId, f.sopClass, f.hasDataSet,
                Status.UNRECOGNIZED_OPERATION.withComment(CommandField.name(f.commandField) + " not supported"));
    }
}
