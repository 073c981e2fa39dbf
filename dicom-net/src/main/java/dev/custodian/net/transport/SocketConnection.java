package dev.custodian.net.transport;

import dev.custodian.net.ul.Connection;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * A {@link Connection} over a TCP (or TLS) socket with TCP_NODELAY and a 64 KiB output buffer. The
 * input is the socket's own stream: the association's reader buffers it, decoding PDUs in place.
 */
final class SocketConnection implements Connection {

    static final int BUFFER_SIZE = 65_536;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String remote;

    SocketConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_SIZE);
        this.remote = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing left to do with the error
        }
    }

    boolean isClosed() {
        return socket.isClosed();
    }
}
