package dev.custodian.net.pdu;

import java.util.Arrays;

/**
 * SOP class extended negotiation sub-item (56H). PS3.7 Annex D.3.3.5. The service class
 * application information is kept as opaque bytes (its meaning is defined per service class).
 */
public record SopClassExtendedNegotiation(String sopClassUid, byte[] applicationInformation)
        implements UserInfoItem {

    public SopClassExtendedNegotiation {
        Names.uid(sopClassUid, "extended negotiation SOP class UID");
        applicationInformation = applicationInformation.clone();
    }

    @Override
    public byte[] applicationInformation() {
        return applicationInformation.clone();
    }

    @Override
    public int itemType() {
        return SOP_CLASS_EXTENDED_NEGOTIATION;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SopClassExtendedNegotiation e && e.sopClassUid.equals(sopClassUid)
                && Arrays.equals(e.applicationInformation, applicationInformation);
    }

    @Override
    public int hashCode() {
        return sopClassUid.hashCode() * 31 + Arrays.hashCode(applicationInformation);
    }

    @Override
    public String toString() {
        return "SopClassExtendedNegotiation[" + sopClassUid + ", " + applicationInformation.length + " bytes]";
    }
}
