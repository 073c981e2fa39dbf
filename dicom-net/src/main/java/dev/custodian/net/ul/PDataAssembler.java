package dev.custodian.net.ul;

import dev.custodian.net.pdu.AbortReason;
import dev.custodian.net.pdu.AbortSource;
import dev.custodian.net.pdu.Pdv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.IntPredicate;

/**
 * Turns received PDVs into messages for the {@link MessageListener}: buffers the command (bounded),
 * then lets the listener pull the data set fragments through a {@link PDataInputStream} while its
 * {@code onCommand} runs, and pushes the fragments it did not pull into the {@link DataSink} it
 * returns. Enforces PS3.8 Annex E / PS3.7 §6.3.1 order: command fragments, then data fragments, of
 * one message on one presentation context at a time. A violation is a {@link AbortException} with
 * service-provider source.
 */
final class PDataAssembler {

    /** A listener callback failed: the association is aborted by the service-user (us). */
    static final class ListenerFailure extends Exception {
        ListenerFailure(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    private final int maxCommandLength;
    private final IntPredicate contextAccepted;
    private final ByteArrayOutputStream command = new ByteArrayOutputStream();
    private int messageContext = -1;
    private DataSink sink;
    /** The data set of the message whose {@code onCommand} is running; null outside that call. */
    private PDataInputStream pulling;

    PDataAssembler(int maxCommandLength, IntPredicate contextAccepted) {
        this.maxCommandLength = maxCommandLength;
        this.contextAccepted = contextAccepted;
    }

    /** True between the first fragment of a message and its last one. */
    boolean inMessage() {
        return messageContext != -1;
    }

    /** The data set stream of the command being delivered; null when no {@code onCommand} runs. */
    PDataInputStream pulling() {
        return pulling;
    }

    /** One PDV the reader thread delivers (not pulled by a listener). */
    void accept(Association association, MessageListener listener, PDataInputStream.Source source, Pdv pdv)
            throws AbortException, ListenerFailure {
        checkContext(pdv);
        messageContext = pdv.presentationContextId();
        if (pdv.command()) {
            command(association, listener, source, pdv);
        } else {
            data(pdv);
        }
    }

    /** One PDV pulled by the listener's data set stream: must be a data fragment of the current message. */
    void pulled(Pdv pdv) throws AbortException {
        checkContext(pdv);
        if (pdv.command()) {
            throw violation(AbortReason.UNEXPECTED_PDU_PARAMETER, "command fragment inside a data set");
        }
    }

    private void checkContext(Pdv pdv) throws AbortException {
        int pc = pdv.presentationContextId();
        if (!contextAccepted.test(pc)) {
            throw violation(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "PDV for presentation context " + pc + ", which was not accepted");
        }
        if (messageContext != -1 && messageContext != pc) {
            throw violation(AbortReason.UNEXPECTED_PDU_PARAMETER, "PDV for presentation context " + pc
                    + " in the middle of a message on context " + messageContext);
        }
    }

    private void command(Association association, MessageListener listener, PDataInputStream.Source source,
                         Pdv pdv) throws AbortException, ListenerFailure {
        if (sink != null) {
            throw violation(AbortReason.UNEXPECTED_PDU_PARAMETER, "command fragment inside a data set");
        }
        if (command.size() + pdv.length() > maxCommandLength) {
            throw violation(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "command set longer than " + maxCommandLength + " bytes");
        }
        command.write(pdv.buffer(), pdv.offset(), pdv.length());
        if (!pdv.last()) {
            return;
        }
        byte[] complete = command.toByteArray();
        command.reset();
        PDataInputStream data = new PDataInputStream(source);
        DataSink next;
        pulling = data;
        try {
            next = listener.onCommand(association, pdv.presentationContextId(), complete);
        } catch (IOException | RuntimeException e) {
            throw new ListenerFailure(e);
        } finally {
            pulling = null;
            data.detach();
        }
        if (data.ended()) {
            messageContext = -1; // the listener read the whole data set: the message is complete
        } else if (next == null || next == DataSink.NO_DATA_SET) {
            if (data.started()) {
                throw new ListenerFailure(new IllegalStateException(
                        "listener read part of a data set, then returned NO_DATA_SET"));
            }
            messageContext = -1;
        } else {
            sink = next;
            try {
                data.pushRest(next); // what is left of the fragment in hand
            } catch (IOException | RuntimeException e) {
                throw new ListenerFailure(e);
            }
        }
    }

    private void data(Pdv pdv) throws AbortException, ListenerFailure {
        if (sink == null) {
            throw violation(AbortReason.UNEXPECTED_PDU_PARAMETER, command.size() > 0
                    ? "data fragment before the command was complete" : "data fragment without a command expecting one");
        }
        try {
            sink.onData(pdv.buffer(), pdv.offset(), pdv.length(), pdv.last());
        } catch (IOException | RuntimeException e) {
            throw new ListenerFailure(e);
        }
        if (pdv.last()) {
            sink = null;
            messageContext = -1;
        }
    }

    static AbortException violation(AbortReason reason, String what) {
        return new AbortException(AbortSource.SERVICE_PROVIDER, reason, what);
    }
}
