/**
 * The archive as a whole (the server started in-process or as its shaded jar) against DCMTK and
 * Orthanc: ingest kept byte for byte on both index back ends, REST SCU, bad input, crash safety.
 * May depend on the Custodian modules, {@code dev.custodian.interop.support}, the JDK and the test
 * libraries; never on another interop test package (see ArchitectureTest).
 */
package dev.custodian.interop.archive;
