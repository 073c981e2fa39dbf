package dev.custodian.net.pdu;

import java.util.Arrays;

/**
 * User identity negotiation sub-item, request form (58H). PS3.7 Annex D.3.3.7.1. Identity type:
 * 1 username, 2 username and passcode, 3 Kerberos, 4 SAML, 5 JWT.
 */
public record UserIdentityRq(int identityType, boolean positiveResponseRequested, byte[] primaryField,
                             byte[] secondaryField) implements UserInfoItem {

    public UserIdentityRq {
        if (identityType < 0 || identityType > 255) {
            throw new IllegalArgumentException("user identity type out of range: " + identityType);
        }
        primaryField = primaryField.clone();
        secondaryField = secondaryField.clone();
        if (primaryField.length > 0xFFFF || secondaryField.length > 0xFFFF) {
            throw new IllegalArgumentException("user identity field longer than 65535 bytes");
        }
    }

    @Override
    public byte[] primaryField() {
        return primaryField.clone();
    }

    @Override
    public byte[] secondaryField() {
        return secondaryField.clone();
    }

    @Override
    public int itemType() {
        return USER_IDENTITY_RQ;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserIdentityRq u && u.identityType == identityType
                && u.positiveResponseRequested == positiveResponseRequested
                && Arrays.equals(u.primaryField, primaryField) && Arrays.equals(u.secondaryField, secondaryField);
    }

    @Override
    public int hashCode() {
        return (identityType * 31 + Arrays.hashCode(primaryField)) * 31 + Arrays.hashCode(secondaryField);
    }

    /** Never prints the passcode. */
    @Override
    public String toString() {
        return "UserIdentityRq[type=" + identityType + ", positiveResponseRequested=" + positiveResponseRequested + "]";
    }
}
