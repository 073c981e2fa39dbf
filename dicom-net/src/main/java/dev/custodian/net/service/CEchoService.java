package dev.custodian.net.service;

import dev.custodian.net.dimse.CEchoRq;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;

/** The C-ECHO SCP of the Verification Service Class (PS3.4 Annex A, PS3.7 §9.1.5). */
@FunctionalInterface
public interface CEchoService {
    /** Always answers Success: the Verification SCP's whole job. */
    CEchoService SUCCESS = (context, request) -> Status.SUCCESS;

    Status echo(RequestContext context, CEchoRq request) throws DimseFailure;
}
