package dev.custodian.net.pdu;

/** Implementation class UID sub-item (52H). PS3.7 Annex D.3.3.2. */
public record ImplementationClassUid(String uid) implements UserInfoItem {

    public ImplementationClassUid {
        Names.uid(uid, "implementation class UID");
    }

    @Override
    public int itemType() {
        return IMPLEMENTATION_CLASS_UID;
    }
}
