/**
 * The upper layer of {@code dicom-net} on TCP and TLS: our acceptor against DCMTK echoscu and raw
 * hostile bytes, our requestor against our acceptor.
 * May depend on the Custodian modules, {@code dev.custodian.interop.support}, the JDK and the test
 * libraries; never on another interop test package (see ArchitectureTest).
 */
package dev.custodian.interop.net;
