package dev.custodian.net.ul;

/**
 * What the acceptor does with an association it accepted: called on the reader thread right
 * after the A-ASSOCIATE-AC went out, before any P-DATA is read.
 */
@FunctionalInterface
public interface AssociationHandler {

    /** @return the listener for the messages arriving on this association */
    MessageListener established(Association association);
}
