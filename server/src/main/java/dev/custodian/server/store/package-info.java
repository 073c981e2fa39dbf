/**
 * The storage area: where the bytes of each received instance live, one file per instance,
 * made durable (fsync of file and folder) and visible atomically (rename) before the index
 * refers to it. Depends on the JDK only.
 */
package dev.custodian.server.store;
