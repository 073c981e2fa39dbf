package dev.custodian.net.pdu;

import java.util.ArrayList;
import java.util.List;

/** Decodes the sub-items of the user information item. PS3.8 Annex D, PS3.7 Annex D.3.3. */
final class UserInfoDecoder {

    private final int maxItems;

    UserInfoDecoder(int maxItems) {
        this.maxItems = maxItems;
    }

    UserInformation decode(WireCursor c) throws PduFormatException {
        List<UserInfoItem> items = new ArrayList<>();
        while (c.hasRemaining()) {
            if (items.size() >= maxItems) {
                throw c.error(AbortReason.INVALID_PDU_PARAMETER_VALUE, "more than " + maxItems + " user information sub-items");
            }
            long at = c.offset();
            int type = c.u8("sub-item type");
            c.skip(1, "reserved");
            int length = c.u16("sub-item length");
            WireCursor sub = c.slice(length, "user information sub-item", type);
            try {
                items.add(item(type, length, sub));
            } catch (IllegalArgumentException e) {
                throw new PduFormatException(at, AbortReason.INVALID_PDU_PARAMETER_VALUE, e.getMessage());
            }
            if (sub.hasRemaining()) {
                throw new PduFormatException(at, AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        String.format("user information sub-item %02XH has %d unexpected trailing bytes", type,
                                sub.remaining()));
            }
        }
        return new UserInformation(items);
    }

    private static UserInfoItem item(int type, int length, WireCursor c) throws PduFormatException {
        return switch (type) {
            case UserInfoItem.MAXIMUM_LENGTH -> new MaximumLength(c.u32("maximum length"));
            case UserInfoItem.IMPLEMENTATION_CLASS_UID -> new ImplementationClassUid(c.ascii(length, "implementation class UID"));
            case UserInfoItem.ASYNCHRONOUS_OPERATIONS_WINDOW ->
                    new AsynchronousOperationsWindow(c.u16("max operations invoked"), c.u16("max operations performed"));
            case UserInfoItem.SCP_SCU_ROLE_SELECTION -> {
                String uid = c.ascii(c.u16("UID length"), "SOP class UID");
                yield new ScpScuRoleSelection(uid, c.u8("SCU role") == 1, c.u8("SCP role") == 1);
            }
            case UserInfoItem.IMPLEMENTATION_VERSION_NAME -> new ImplementationVersionName(c.ascii(length, "implementation version name"));
            case UserInfoItem.SOP_CLASS_EXTENDED_NEGOTIATION -> {
                String uid = c.ascii(c.u16("SOP class UID length"), "SOP class UID");
                yield new SopClassExtendedNegotiation(uid, c.bytes(c.remaining(), "application information"));
            }
            case UserInfoItem.SOP_CLASS_COMMON_EXTENDED_NEGOTIATION ->
                    new SopClassCommonExtendedNegotiation(c.bytes(length, "common extended negotiation"));
            case UserInfoItem.USER_IDENTITY_RQ -> {
                int identityType = c.u8("user identity type");
                boolean positive = c.u8("positive response requested") == 1;
                byte[] primary = c.bytes(c.u16("primary field length"), "primary field");
                byte[] secondary = c.bytes(c.u16("secondary field length"), "secondary field");
                yield new UserIdentityRq(identityType, positive, primary, secondary);
            }
            case UserInfoItem.USER_IDENTITY_AC -> new UserIdentityAc(c.bytes(c.u16("server response length"), "server response"));
            default -> new UnknownUserInfoItem(type, c.bytes(length, "unknown sub-item"));
        };
    }
}
