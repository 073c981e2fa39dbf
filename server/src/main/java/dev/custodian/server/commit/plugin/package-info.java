/**
 * Plug-in checks: the jars of the {@code Plugins} key loaded in their own class loaders (seeing
 * the JDK and {@code dev.custodian.commit.spi} only), and the adapter that makes each
 * {@link dev.custodian.commit.spi.StorageCommitmentPlugin} a
 * {@link dev.custodian.server.commit.check.CommitmentCheck}, running its calls on the named
 * {@code commit-plugin-N} threads under a timeout so that a plug-in that throws or hangs fails
 * instances (0110H), never the job thread or the server.
 *
 * <p>May depend on {@code commit.check}, {@code dev.custodian.commit.spi}, {@code
 * dev.custodian.stgcmt} (values), {@code config}, SLF4J and the JDK.
 */
package dev.custodian.server.commit.plugin;
