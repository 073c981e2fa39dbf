/**
 * DIMSE services (PS3.4 built on PS3.7) and the application's entry points.
 *
 * <ul>
 * <li>Service interfaces the application implements: {@link dev.custodian.net.service.CStoreService}
 * (request, {@code RequestContext} with the negotiated transfer syntax, and the data set as an
 * {@code InputStream} read as it arrives), {@link dev.custodian.net.service.NActionHandler},
 * {@link dev.custodian.net.service.NEventReportHandler}, {@link dev.custodian.net.service.CEchoService}.
 * They return a success/warning {@code Status} or throw {@code DimseFailure(status, comment)}.</li>
 * <li>{@link dev.custodian.net.service.ServiceRegistry}, keyed by SOP Class UID, also tells the
 * acceptor which abstract syntaxes and SCP/SCU roles to accept; the one
 * {@link dev.custodian.net.service.ServiceDispatcher} turns results into responses.</li>
 * <li>{@link dev.custodian.net.service.DicomServer} accepts associations for a registry, under its
 * default acceptor policy (called AE title, known calling AE titles, contexts from the registry) or
 * one the application gives its {@code Builder} (e.g. per-modality rules that need the peer's
 * address), and tells a {@link dev.custodian.net.service.SessionListener} when each opens and ends;
 * {@link dev.custodian.net.service.DicomClient} requests them and returns
 * {@link dev.custodian.net.service.DicomConnection}s (echo, store, N-ACTION, N-EVENT-REPORT, each a
 * {@code CompletableFuture} of the response bounded by the DIMSE timeout).</li>
 * </ul>
 *
 * <pre>{@code
 * ServiceRegistry registry = ServiceRegistry.builder()
 *         .verification()
 *         .store(myStoreService, StorageSopClasses.standard())
 *         .action(Uid.StorageCommitmentPushModel, myCommitmentScp)
 *         .eventReport(Uid.StorageCommitmentPushModel, myCommitmentResults)
 *         .build();
 * DimseThreads threads = new DimseThreads(new AssociationRuntime(readerThreads, scheduler),
 *         acceptThreadFactory);
 * DicomServer server = DicomServer.start(DicomServerConfig.of("CUSTODIAN",
 *         new AcceptorConfig("0.0.0.0", 4242, 32, AssociationSettings.DEFAULT, null), Duration.ofSeconds(60)),
 *         registry, threads);
 *
 * DicomClient client = new DicomClient("CUSTODIAN", RequestorConfig.plain(AssociationSettings.DEFAULT,
 *         Duration.ofSeconds(10), Duration.ofSeconds(30)), Duration.ofSeconds(60), registry,
 *         threads.association());
 * AssociationProposal p = StorageProposals.addContexts(client.propose("PACS"), files).build();
 * try (DicomConnection c = client.connect("pacs.example", 104, p)) {
 *     for (Path f : files) {
 *         CStoreRsp rsp = c.store(f).get();
 *     }
 * }
 * }</pre>
 *
 * <p>May depend on {@code dev.custodian.net.dimse}, {@code dev.custodian.net.ul},
 * {@code dev.custodian.net.pdu}, {@code dev.custodian.net.transport}, {@code dev.custodian.dicom.*},
 * SLF4J and the JDK.
 */
package dev.custodian.net.service;
