/** DICOM data model, dictionary, codec and Part 10 files. Depends on the JDK only. */
package dev.custodian.dicom;
