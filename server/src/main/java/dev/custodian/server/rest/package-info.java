/**
 * The REST API, Orthanc's routes and JSON shapes, on Javalin. Thin: each route reads the
 * request, calls the {@code index} package ({@link dev.custodian.server.index.Archive},
 * {@link dev.custodian.server.index.Index}, {@link dev.custodian.server.index.Modalities}) and
 * writes JSON. May depend on {@code config}, {@code store}, {@code index}, {@code dicom} (the SCU behind
 * {@code /modalities/{id}/echo|store}), {@code jobs} (the engine behind {@code /jobs} and asynchronous
 * stores), {@code commit.scp} (the ledger and a commitment job's results), {@code commit.scu} (the
 * Storage Commitment SCU behind {@code /storage-commitment}); never on {@code cli}.
 */
package dev.custodian.server.rest;
