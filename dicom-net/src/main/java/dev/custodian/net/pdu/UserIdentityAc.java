package dev.custodian.net.pdu;

import java.util.Arrays;

/** User identity negotiation sub-item, answer form (59H). PS3.7 Annex D.3.3.7.2. */
public record UserIdentityAc(byte[] serverResponse) implements UserInfoItem {

    public UserIdentityAc {
        serverResponse = serverResponse.clone();
        if (serverResponse.length > 0xFFFF) {
            throw new IllegalArgumentException("server response longer than 65535 bytes");
        }
    }

    @Override
    public byte[] serverResponse() {
        return serverResponse.clone();
    }

    @Override
    public int itemType() {
        return USER_IDENTITY_AC;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserIdentityAc u && Arrays.equals(u.serverResponse, serverResponse);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(serverResponse);
    }

    @Override
    public String toString() {
        return "UserIdentityAc[" + serverResponse.length + " bytes]";
    }
}
