package dev.custodian.net.pdu;

/** Implementation version name sub-item (55H), 1–16 characters. PS3.7 Annex D.3.3.2. */
public record ImplementationVersionName(String name) implements UserInfoItem {

    public ImplementationVersionName {
        if (name == null || name.isEmpty() || name.length() > 16) {
            throw new IllegalArgumentException("implementation version name must be 1-16 characters: " + name);
        }
    }

    @Override
    public int itemType() {
        return IMPLEMENTATION_VERSION_NAME;
    }
}
