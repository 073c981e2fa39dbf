package dev.custodian.net.pdu;

/**
 * A sub-item of the user information item (50H). PS3.8 §9.3.2.3 / Annex D, PS3.7 Annex D.3.3.
 * Items of a type we do not know are kept as {@link UnknownUserInfoItem} so that they are
 * tolerated and can be re-encoded unchanged.
 */
public sealed interface UserInfoItem
        permits MaximumLength, ImplementationClassUid, AsynchronousOperationsWindow, ScpScuRoleSelection,
        ImplementationVersionName, SopClassExtendedNegotiation, SopClassCommonExtendedNegotiation,
        UserIdentityRq, UserIdentityAc, UnknownUserInfoItem {

    /** Item-type byte. */
    int itemType();

    int MAXIMUM_LENGTH = 0x51;
    int IMPLEMENTATION_CLASS_UID = 0x52;
    int ASYNCHRONOUS_OPERATIONS_WINDOW = 0x53;
    int SCP_SCU_ROLE_SELECTION = 0x54;
    int IMPLEMENTATION_VERSION_NAME = 0x55;
    int SOP_CLASS_EXTENDED_NEGOTIATION = 0x56;
    int SOP_CLASS_COMMON_EXTENDED_NEGOTIATION = 0x57;
    int USER_IDENTITY_RQ = 0x58;
    int USER_IDENTITY_AC = 0x59;
}
