package dev.custodian.server.tools;

import dev.custodian.net.dimse.NoPresentationContextException;
import dev.custodian.net.service.AssociationEndedException;
import dev.custodian.net.ul.AssociationRejectedException;
import dev.custodian.stgcmt.CommitmentRefusedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** One line in words for what went wrong talking to a peer, and the exit code it stands for. */
final class Failures {
    private Failures() {
    }

    /** The cause behind the wrappers of futures. */
    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Why {@code t} happened, for "cannot ... : <this>". */
    static String describe(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof ConnectException) {
            return "connection refused";
        }
        if (c instanceof UnknownHostException) {
            return "unknown host " + c.getMessage();
        }
        if (c instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (c instanceof SSLException s) {
            return TlsFailures.describe(s);
        }
        if (c instanceof SocketTimeoutException || c instanceof TimeoutException) {
            return "no answer in time";
        }
        if (c instanceof AssociationRejectedException
                || c instanceof AssociationEndedException
                || c instanceof NoPresentationContextException
                || c instanceof CommitmentRefusedException) {
            return c.getMessage();
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }

    /**
     * Why an association could not be established ({@link #describe}); over TLS a connection that
     * ended without a TLS alert or an A-ASSOCIATE-RJ gets its two usual causes.
     */
    static String connect(Throwable t, boolean overTls) {
        String why = describe(t);
        Throwable c = unwrap(t);
        boolean explained = c instanceof SSLException || c instanceof ConnectException
                || c instanceof UnknownHostException || c instanceof NoRouteToHostException
                || c instanceof AssociationRejectedException;
        if (!overTls || explained) {
            return why;
        }
        return why + " (with --tls: is that the peer's DICOM TLS port, and does it want our certificate, "
                + "--tls-cert?)";
    }

    /** {@link ExitCodes#TIMEOUT} for a time-out, else {@link ExitCodes#REFUSED}. */
    static int exitCode(Throwable t) {
        Throwable c = unwrap(t);
        return c instanceof TimeoutException ? ExitCodes.TIMEOUT : ExitCodes.REFUSED;
    }
}
