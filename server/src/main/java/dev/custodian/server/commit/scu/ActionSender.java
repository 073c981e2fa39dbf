package dev.custodian.server.commit.scu;

import dev.custodian.server.config.RemoteModality;
import dev.custodian.stgcmt.CommitmentRequest;
import java.time.Duration;

/** Sends one N-ACTION-RQ (PS3.4 §J.3.2) and waits for its accepting N-ACTION-RSP. */
@FunctionalInterface
public interface ActionSender {
    /**
     * @throws Exception with a message for the operator when the remote was not reached, did not
     *                   answer within {@code timeout} or answered a failure status
     */
    void send(RemoteModality remote, Duration timeout, CommitmentRequest part) throws Exception;
}
