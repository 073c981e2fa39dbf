package dev.custodian.server.config;

import java.util.Set;

/**
 * Orthanc configuration keys Custodian accepts and ignores, so that an Orthanc configuration
 * file loads unchanged. Each one either configures a feature Custodian does not have (Lua,
 * WebDAV, transcoding...) or tunes Orthanc internals; none changes what Custodian
 * promises about the data it keeps. Keys whose {@code true} value would promise something we
 * do not do (TLS) are in {@link #REJECTED_WHEN_TRUE}.
 */
final class OrthancKeys {
    private OrthancKeys() {}

    static final Set<String> IGNORED = Set.of(
            "LimitJobs", "HttpServerEnabled", "DicomServerEnabled", "HttpDescribeErrors",
            "HttpCompressionEnabled", "WebDavEnabled", "WebDavDeleteAllowed", "WebDavUploadAllowed",
            "StorageCompression", "IngestTranscoding", "IngestTranscodingOfUncompressed",
            "IngestTranscodingOfCompressed", "LuaScripts", "LuaHeartBeatPeriod", "UnknownSopClassAccepted",
            "DeflatedTransferSyntaxAccepted", "JpegTransferSyntaxAccepted", "Jpeg2000TransferSyntaxAccepted",
            "JpegLosslessTransferSyntaxAccepted", "JpipTransferSyntaxAccepted", "Mpeg2TransferSyntaxAccepted",
            "Mpeg4TransferSyntaxAccepted", "H265TransferSyntaxAccepted", "RleTransferSyntaxAccepted",
            "AcceptedTransferSyntaxes", "DefaultEncoding", "DicomModalitiesInDatabase", "OrthancPeers",
            "OrthancPeersInDatabase", "HttpProxy", "HttpVerbose", "HttpTimeout", "HttpsVerifyPeers",
            "HttpsCACertificates", "UserMetadata", "UserContentType", "StableAge", "StrictAetComparison",
            "StoreMD5ForAttachments", "LimitFindResults", "LimitFindInstances", "LogExportedResources",
            "KeepAlive", "KeepAliveTimeout", "TcpNoDelay", "HttpThreadsCount", "DicomAssociationCloseDelay",
            "QueryRetrieveSize", "CaseSensitivePN", "LoadPrivateDictionary", "Dictionary", "SynchronousCMove",
            "MediaArchiveSize", "StorageAccessOnFind", "MetricsEnabled",
            "ExecuteLuaEnabled", "HttpRequestTimeout", "DicomEchoChecksFind", "DeidentifyLogs",
            "DeidentifyLogsDicomVersion", "SyncStorageArea", "CheckRevisions", "SynchronousZipStream",
            "ZipLoaderThreads", "Warnings", "MaximumStorageMode", "MaximumStorageCacheSize",
            "DicomLossyTranscodingQuality", "TranscodeDicomProtocol", "BuiltinDecoderTranscoderOrder",
            "ExtraMainDicomTags", "OverwriteInstancesMetadata", "StorageDirectoryTemplate",
            "DicomThreadsCount", "MallocArenaMax", "DatabaseServerIdentifier", "LogLevel", "HttpHeaders",
            "DicomWeb", "Gdcm", "Worklists", "Transfers", "Housekeeper", "Authorization", "OrthancExplorer2",
            "StoneWebViewer", "Python", "PythonScript", "PythonVerbose", "ServeFolders", "WebViewer",
            "DicomTlsRemoteCertificateRequired", "DicomTlsMinimumProtocolVersion", "DicomTlsCiphersAccepted",
            "DicomTlsCertificate", "DicomTlsPrivateKey", "DicomTlsTrustedCertificates",
            "SslCertificate", "SslMinimumProtocolVersion", "SslVerifyPeers", "SslTrustedClientCertificates",
            "RestApiWriteToFileSystemEnabled", "HttpsClientCertificate", "MaximumPatientCount");

    /** Features Custodian does not implement: accepted when false, an error when true. */
    static final Set<String> REJECTED_WHEN_TRUE = Set.of("DicomTlsEnabled", "SslEnabled");

    /** PostgreSQL plug-in keys that tune the plug-in's own behaviour. */
    static final Set<String> POSTGRES_IGNORED = Set.of(
            "EnableStorage", "Lock", "MaximumConnectionRetries", "ConnectionRetryInterval",
            "EnableSsl", "EnableVerboseLogs", "TransactionMode", "HousekeepingInterval",
            "IndexConnectionsCount", "ConnectionUri");
}
