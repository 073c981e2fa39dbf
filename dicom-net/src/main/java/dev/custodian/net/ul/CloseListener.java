package dev.custodian.net.ul;

/** Told once, on the reader thread, when an association has ended and its transport is closed. */
@FunctionalInterface
public interface CloseListener {
    void onClose(Association association, CloseReason reason);
}
