package dev.custodian.net.ul;

import dev.custodian.net.pdu.AbortReason;
import dev.custodian.net.pdu.AbortSource;
import dev.custodian.net.pdu.PDataTf;
import dev.custodian.net.pdu.Pdv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.IntPredicate;

/**
 * Turns received PDVs into messages for the {@link MessageListener}: buffers the command (bounded),
 * streams the data set fragments straight through. Enforces PS3.8 Annex E / PS3.7 §6.3.1 order:
 * command fragments, then data fragments, of one message on one presentation context at a time.
 * A violation is a {@link AbortException} with service-provider source.
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

    PDataAssembler(int maxCommandLength, IntPredicate contextAccepted) {
        this.maxCommandLength = maxCommandLength;
        this.contextAccepted = contextAccepted;
    }

    /** True between the first fragment of a message and its last one. */
    boolean inMessage() {
        return messageContext != -1;
    }

    void accept(Association association, MessageListener listener, PDataTf pdata)
            throws AbortException, ListenerFailure {
        for (Pdv pdv : pdata.pdvs()) {
            int pc = pdv.presentationContextId();
            if (!contextAccepted.test(pc)) {
                throw violation(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        "PDV for presentation context " + pc + ", which was not accepted");
            }
            if (messageContext != -1 && messageContext != pc) {
                throw violation(AbortReason.UNEXPECTED_PDU_PARAMETER, "PDV for presentation context " + pc
                        + " in the middle of a message on context " + messageContext);
            }
            messageContext = pc;
            if (pdv.command()) {
                command(association, listener, pdv);
            } else {
                data(pdv);
            }
        }
    }

    private void command(Association association, MessageListener listener, Pdv pdv)
            throws AbortException, ListenerFailure {
        if (sink != null) {
            throw violation(AbortReason.UNEXPECTED_PDU_PARAMETER, "command fragment inside a data set");
        }
        if (command.size() + pdv.data().length > maxCommandLength) {
            throw violation(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "command set longer than " + maxCommandLength + " bytes");
        }
        command.writeBytes(pdv.data());
        if (!pdv.last()) {
            return;
        }
        byte[] complete = command.toByteArray();
        command.reset();
        DataSink next;
        try {
            next = listener.onCommand(association, pdv.presentationContextId(), complete);
        } catch (IOException | RuntimeException e) {
            throw new ListenerFailure(e);
        }
        if (next == null || next == DataSink.NO_DATA_SET) {
            messageContext = -1;
        } else {
            sink = next;
        }
    }

    private void data(Pdv pdv) throws AbortException, ListenerFailure {
        if (sink == null) {
            throw violation(AbortReason.UNEXPECTED_PDU_PARAMETER, command.size() > 0
                    ? "data fragment before the command was complete" : "data fragment without a command expecting one");
        }
        try {
            sink.onData(pdv.data(), 0, pdv.data().length, pdv.last());
        } catch (IOException | RuntimeException e) {
            throw new ListenerFailure(e);
        }
        if (pdv.last()) {
            sink = null;
            messageContext = -1;
        }
    }

    private static AbortException violation(AbortReason reason, String what) {
        return new AbortException(AbortSource.SERVICE_PROVIDER, reason, what);
    }
}
