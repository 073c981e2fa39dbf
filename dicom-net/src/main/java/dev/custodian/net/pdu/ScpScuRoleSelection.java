package dev.custodian.net.pdu;

/**
 * SCP/SCU role selection sub-item (54H). PS3.7 Annex D.3.3.4. In a request the flags say which
 * roles the requestor proposes for itself; in the answer, which of them the acceptor accepts.
 */
public record ScpScuRoleSelection(String sopClassUid, boolean scuRole, boolean scpRole) implements UserInfoItem {

    public ScpScuRoleSelection {
        Names.uid(sopClassUid, "role selection SOP class UID");
    }

    @Override
    public int itemType() {
        return SCP_SCU_ROLE_SELECTION;
    }
}
