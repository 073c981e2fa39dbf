package dev.custodian.server.tools;

/** A local problem that stops a tool before it talks to the peer (e.g. the -b port is taken): exit code 4. */
final class ToolSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    ToolSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
