/**
 * TCP and DICOM TLS transport (PS3.8 §9.1, PS3.15 Annex B): {@link dev.custodian.net.transport.DicomAcceptor}
 * (listen, limit concurrent associations, orderly close) and
 * {@link dev.custodian.net.transport.DicomRequestor} (connect, propose, return an established
 * {@link dev.custodian.net.ul.Association}). Sockets use TCP_NODELAY and 64 KiB buffers; TLS comes
 * from loaded key/trust stores (PKCS12 files or built by the caller) ({@link dev.custodian.net.transport.TlsConfig}).
 *
 * <p>May depend on: {@code dev.custodian.net.ul}, {@code dev.custodian.net.pdu}, SLF4J, the JDK.
 */
package dev.custodian.net.transport;
