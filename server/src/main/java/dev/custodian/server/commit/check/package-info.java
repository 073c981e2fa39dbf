/**
 * What "committed" means: the {@link dev.custodian.server.commit.check.CommitmentCheck} a
 * Storage Commitment SCP job asks, per instance, whether we take responsibility for it — the
 * built-in checks (Index, File, Checksum) and the adapter of plug-in checks loaded from the
 * {@code Plugins} jars.
 *
 * <p>May depend on {@code dev.custodian.stgcmt} (values), {@code dev.custodian.net.service} (the
 * list of storage SOP classes), {@code config}, {@code index}, {@code store}, SLF4J and the JDK. Not on {@code rest}, {@code cli} or {@code jobs}.
 */
package dev.custodian.server.commit.check;
