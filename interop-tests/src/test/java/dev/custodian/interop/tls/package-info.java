/**
 * C-STORE over DICOM TLS (PS3.15 Annex B.1) both ways, with a throw-away PKI made by openssl and
 * keytool: DCMTK storescu +tls to our acceptor, our client to storescp +tls.
 * May depend on the Custodian modules, {@code dev.custodian.interop.support}, the JDK and the test
 * libraries; never on another interop test package (see ArchitectureTest).
 */
package dev.custodian.interop.tls;
