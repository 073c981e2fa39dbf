package dev.custodian.net.pdu;

/** Asynchronous operations window sub-item (53H); 0 means unlimited. PS3.7 Annex D.3.3.3. */
public record AsynchronousOperationsWindow(int maxOperationsInvoked, int maxOperationsPerformed)
        implements UserInfoItem {

    public AsynchronousOperationsWindow {
        if (maxOperationsInvoked < 0 || maxOperationsInvoked > 0xFFFF
                || maxOperationsPerformed < 0 || maxOperationsPerformed > 0xFFFF) {
            throw new IllegalArgumentException("operation window values must be 0-65535");
        }
    }

    @Override
    public int itemType() {
        return ASYNCHRONOUS_OPERATIONS_WINDOW;
    }
}
