/**
 * TLS key material and settings with Orthanc's keys: PEM files read into JSSE key stores
 * ({@link dev.custodian.server.tls.PemFiles}, {@link dev.custodian.server.tls.PrivateKeys}),
 * checked at start ({@link dev.custodian.server.tls.TlsMaterial}: missing file or key not matching
 * the certificate = a {@link dev.custodian.server.config.ConfigException} naming the key; expired
 * certificate = a warning), DICOM TLS for the listener and for outgoing associations
 * ({@link dev.custodian.server.tls.DicomTls}, the one place every SCU asks for its
 * {@link dev.custodian.net.transport.RequestorConfig}), the HTTPS settings the REST server
 * gives Jetty ({@link dev.custodian.server.tls.HttpsMaterial}), and the same PEM reading for the
 * command-line tools' {@code --tls} options ({@link dev.custodian.server.tls.ToolTls}).
 *
 * <p>May depend on {@code dev.custodian.server.config}, {@code dev.custodian.net.transport} and
 * {@code dev.custodian.net.ul} (settings), SLF4J and the JDK. Not on Javalin or Jetty.
 */
package dev.custodian.server.tls;
