/**
 * The index: patients / studies / series / instances with their main DICOM tags, Orthanc's
 * public identifiers, the file each instance lives in, runtime modalities; SQLite or
 * PostgreSQL through JDBI, schema by Flyway migrations. {@link dev.custodian.server.index.Archive}
 * ties it to the storage area. May depend on {@code store} and {@code config}, never on
 * {@code rest} or {@code cli}.
 */
package dev.custodian.server.index;
