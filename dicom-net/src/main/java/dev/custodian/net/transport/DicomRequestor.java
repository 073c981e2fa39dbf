package dev.custodian.net.transport;

import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.AssociationProposal;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.MessageListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** Opens associations to remote AEs over TCP or DICOM TLS. PS3.8 §9.1, PS3.15 Annex B. */
public final class DicomRequestor {

    private final RequestorConfig config;
    private final AssociationRuntime runtime;
    private final SSLContext tls;

    public DicomRequestor(RequestorConfig config, AssociationRuntime runtime) throws IOException {
        this.config = Objects.requireNonNull(config, "config");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.tls = config.tls() == null ? null : TlsContexts.create(config.tls());
    }

    /**
     * Connects to {@code host:port}, proposes the association (AE titles are in the proposal) and
     * returns it established.
     *
     * @param listener receives requests the peer sends on this association (e.g. N-EVENT-REPORT)
     * @throws dev.custodian.net.ul.AssociationRejectedException the peer rejected it
     * @throws IOException connect/handshake/associate timeout or failure
     */
    public Association connect(String host, int port, AssociationProposal proposal, MessageListener listener)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) config.connectTimeout().toMillis());
            if (tls != null) {
                socket = handshake(socket, host, port);
            }
            SocketConnection connection = new SocketConnection(socket);
            return Association.request(connection, proposal, config.settings(), runtime, listener,
                    config.associateTimeout());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private Socket handshake(Socket plain, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
        s.setSSLParameters(TlsContexts.parameters(tls, config.tls(), false));
        s.setSoTimeout((int) config.connectTimeout().toMillis());
        s.startHandshake();
        s.setSoTimeout(0);
        return s;
    }
}
