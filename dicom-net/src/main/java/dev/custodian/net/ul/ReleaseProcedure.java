package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAbort;
import dev.custodian.net.pdu.AbortReason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The A-RELEASE service of one association (PS3.8 §7.2), both ways: a release we request, and the
 * answer to one the peer requests (AR-2). Either waits for the whole message being sent, if any,
 * so that a release never cuts a message short; DICOM has no negative release response.
 */
final class ReleaseProcedure {

    private final Association a;

    ReleaseProcedure(Association association) {
        this.a = association;
    }

    /** Requests the release (EVT11) and waits for its outcome; see {@link Association#release(Duration)}. */
    void request(Duration timeout) throws IOException {
        if (Thread.currentThread() == a.readerThread) {
            throw new IllegalStateException("release() from the reader thread would wait for itself");
        }
        try {
            if (!a.writer.messageLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("a message was still being sent after " + timeout);
            }
            try {
                a.machine.handle(Event.EVT11, null);
            } catch (IllegalStateException e) {
                if (!isEnding()) {
                    throw new IOException(a.notOpen());
                }
                // already being released or closed (e.g. the peer released first): its outcome counts
            } finally {
                a.writer.messageLock.unlock();
            }
            CloseReason r = a.closeFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r.kind() != CloseReason.Kind.RELEASED) {
                throw new IOException("association ended during release: " + r);
            }
        } catch (TimeoutException e) {
            a.abort("A-RELEASE-RP not received within " + timeout);
            throw new IOException("A-RELEASE-RP not received within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            a.abort("interrupted during release");
            throw new InterruptedIOException("interrupted during release");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private boolean isEnding() {
        State s = a.machine.state();
        return s == State.STA1 || s.ordinal() >= State.STA7.ordinal();
    }

    /**
     * AR-2, on the reader thread: answers the peer's A-RELEASE-RQ (EVT14) once our outgoing message
     * is complete; aborts if it is not within ARTIM.
     */
    void answerPeer(String detail) {
        try {
            if (a.writer.messageLock.tryLock(a.settings.artimTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    a.note(CloseReason.Kind.RELEASED, detail, null);
                    a.machine.handle(Event.EVT14, null);
                } finally {
                    a.writer.messageLock.unlock();
                }
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        a.abort(CloseReason.Kind.TIMEOUT, "outgoing message still incomplete when release was requested",
                AAbort.byServiceProvider(AbortReason.NOT_SPECIFIED));
    }
}
