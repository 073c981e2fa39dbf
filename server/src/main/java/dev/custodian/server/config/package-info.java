/**
 * Configuration: the one JSON file (Orthanc's key names, comments allowed) read once at start
 * into immutable records. Depends on Jackson only; nothing else in the server may parse the file.
 */
package dev.custodian.server.config;
