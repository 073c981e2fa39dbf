package dev.custodian.net.ul;

import dev.custodian.net.pdu.Pdu;
import dev.custodian.net.pdu.PduWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sending side of an association. Two locks: {@link #writeLock} around every whole PDU (so an
 * A-ABORT never lands inside a P-DATA-TF), {@link #messageLock} around every whole DIMSE message
 * (so the PDVs of two messages never interleave). Lock order: message, then write; the state
 * machine's lock is only ever taken before the write lock, never while holding it.
 */
final class AssociationWriter {

    final ReentrantLock writeLock = new ReentrantLock();
    final ReentrantLock messageLock = new ReentrantLock();
    private final PduWriter pduWriter = new PduWriter();
    private final Connection connection;
    private final AssociationSettings settings;
    private final BooleanSupplier dataTransferAllowed;
    private final Supplier<String> notOpen;
    private byte[] buffer;

    /**
     * @param dataTransferAllowed whether Evt9 (P-DATA request) has an action in the current state
     * @param notOpen             explains why data cannot be sent, for the exception
     */
    AssociationWriter(Connection connection, AssociationSettings settings, BooleanSupplier dataTransferAllowed,
                      Supplier<String> notOpen) {
        this.connection = connection;
        this.settings = settings;
        this.dataTransferAllowed = dataTransferAllowed;
        this.notOpen = notOpen;
    }

    /** A control PDU from the state machine; waits at most ARTIM for a P-DATA-TF being written. */
    void sendPdu(Pdu pdu) throws IOException {
        try {
            if (!writeLock.tryLock(settings.artimTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("writer blocked for longer than " + settings.artimTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending " + pdu.getClass().getSimpleName());
        }
        try {
            pduWriter.write(pdu, connection.output());
            connection.output().flush();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Sends command then data set as PDVs of at most {@code peerMax - 6} bytes.
     *
     * @param abort called when the data writer fails half-way (the message cannot be completed)
     */
    void sendMessage(int pc, byte[] command, DataWriter data, long peerMax, Consumer<String> abort)
            throws IOException {
        messageLock.lock();
        try {
            byte[] buf = buffer(peerMax);
            PDataOutputStream out = new PDataOutputStream(this::sendFragment, pc, true, buf);
            out.write(command);
            out.close();
            if (data == null) {
                return;
            }
            PDataOutputStream dataOut = new PDataOutputStream(this::sendFragment, pc, false, buf);
            try {
                data.writeTo(dataOut);
            } catch (FragmentFailure e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                abort.accept("data set writer failed: " + e);
                throw e;
            }
            dataOut.close();
        } finally {
            messageLock.unlock();
        }
    }

    private byte[] buffer(long peerMax) {
        if (buffer == null) {
            long max = peerMax == 0 ? settings.maxSendPduLength() : Math.min(peerMax, settings.maxSendPduLength());
            buffer = new byte[(int) Math.max(1, max - 6)];
        }
        return buffer;
    }

    /** A fragment could not be sent: the association is gone, nothing more to abort. */
    private static final class FragmentFailure extends IOException {
        FragmentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private void sendFragment(int pc, boolean command, boolean last, byte[] b, int off, int len) throws IOException {
        writeLock.lock();
        try {
            if (!dataTransferAllowed.getAsBoolean()) {
                throw new FragmentFailure(notOpen.get(), null);
            }
            pduWriter.writeSinglePdv(pc, command, last, b, off, len, connection.output());
            connection.output().flush();
        } catch (FragmentFailure e) {
            throw e;
        } catch (IOException e) {
            connection.close();
            throw new FragmentFailure("sending to " + connection.remoteAddress() + " failed: " + e, e);
        } finally {
            writeLock.unlock();
        }
    }
}
