/**
 * Storage Commitment check plug-ins end to end (issue 9): Custodian started with {@code Plugins}
 * naming real jars — the sample BackupCheck module's, and a misbehaving one built here from
 * {@link dev.custodian.interop.plugin.UnrulyPlugin} — and Orthanc 1.10.1 as the requesting SCU.
 */
package dev.custodian.interop.plugin;
