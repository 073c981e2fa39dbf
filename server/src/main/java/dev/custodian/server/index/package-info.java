/**
 * The index: patients / studies / series / instances with their main DICOM tags, Orthanc's
 * public identifiers, the file each instance lives in, runtime modalities; SQLite or
 * PostgreSQL through JDBI, schema by Flyway migrations. {@link dev.custodian.server.index.Archive}
 * ties it to the storage area. May depend on {@code store}, {@code config} and the
 * DICOM data model ({@code dev.custodian.dicom.data}), never on {@code rest} or {@code cli}.
 */
package dev.custodian.server.index;
