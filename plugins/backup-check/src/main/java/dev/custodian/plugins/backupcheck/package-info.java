/**
 * The sample Storage Commitment check plug-in {@code BackupCheck}: commit only what also has a
 * verified copy in a backup folder. Depends on the JDK and {@code dev.custodian.commit.spi} only.
 */
package dev.custodian.plugins.backupcheck;
