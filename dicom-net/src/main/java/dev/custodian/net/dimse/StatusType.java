package dev.custodian.net.dimse;

/** The five kinds of DIMSE status, PS3.7 Annex C (§C.1). */
public enum StatusType {
    SUCCESS, WARNING, FAILURE, CANCEL, PENDING
}
