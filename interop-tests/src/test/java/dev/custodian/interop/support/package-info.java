/**
 * Test support shared by every interop test package: external programs run with
 * {@code TCP_NODELAY=1} and a time limit ({@link dev.custodian.interop.support.Tools}), free ports
 * ({@link dev.custodian.interop.support.Ports}), a private Orthanc
 * ({@link dev.custodian.interop.support.Orthanc}), a peer speaking raw PDUs
 * ({@link dev.custodian.interop.support.RawPeer}), test instances and Part 10 facts
 * ({@link dev.custodian.interop.support.TestInstances}, {@link dev.custodian.interop.support.Part10},
 * {@link dev.custodian.interop.support.TestFiles}), a throw-away PKI made with openssl
 * ({@link dev.custodian.interop.support.Pki}), named tracked threads and log capture.
 *
 * <p>A missing external program (DCMTK, Orthanc, openssl, python3) fails the test, never skips it.
 * May depend on the Custodian modules, the JDK and the test libraries; never on the test packages
 * that use it (the architecture test checks both directions).
 */
package dev.custodian.interop.support;
