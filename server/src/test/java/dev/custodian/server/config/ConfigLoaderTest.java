package dev.custodian.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Path BASE = Path.of("/srv/custodian");

    private static CustodianConfig parse(String json) {
        return ConfigLoader.parse(json, BASE);
    }

    private static ConfigException error(String json) {
        try {
            parse(json);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no ConfigException for " + json);
    }

    @Test
    void emptyObjectGivesOrthancLikeDefaults() {
        CustodianConfig c = parse("{}");
        assertThat(c.name()).isEqualTo("Custodian");
        assertThat(c.dicomAet()).isEqualTo("CUSTODIAN");
        assertThat(c.dicomPort()).isEqualTo(4242);
        assertThat(c.httpPort()).isEqualTo(8042);
        assertThat(c.storageDirectory()).isEqualTo(BASE.resolve("custodian-storage"));
        assertThat(c.indexDirectory()).isEqualTo(c.storageDirectory());
        assertThat(c.remoteAccessAllowed()).isFalse();
        assertThat(c.authenticationEnabled()).isFalse();
        assertThat(c.registeredUsers()).isEmpty();
        assertThat(c.dicomCheckCalledAet()).isFalse();
        assertThat(c.dicomCheckModalityHost()).isFalse();
        assertThat(c.dicomAlwaysAllowEcho()).isTrue();
        assertThat(c.dicomAlwaysAllowStore()).isTrue();
        assertThat(c.dicomScpTimeoutSeconds()).isEqualTo(30);
        assertThat(c.dicomScuTimeoutSeconds()).isEqualTo(10);
        assertThat(c.maximumStorageSizeMb()).isZero();
        assertThat(c.maximumStorageBytes()).isZero();
        assertThat(c.overwriteInstances()).isFalse();
        assertThat(c.dicomModalities()).isEmpty();
        assertThat(c.postgresql()).isEmpty();
        assertThat(c.usesPostgresIndex()).isFalse();
        assertThat(c.dicomMaximumAssociations()).isEqualTo(64);
        assertThat(c.maximumPduLength()).isEqualTo(116_794);
        assertThat(c.storageCommitmentReportsSize()).isEqualTo(100);
        assertThat(c.minimumFreeDiskSpaceMb()).isZero();
        assertThat(c.acceptedTransferSyntaxPreference()).isEqualTo(AcceptedTransferSyntaxPreference.PROPOSER);
    }

    @Test
    void acceptedTransferSyntaxPreferenceTakesItsTwoValuesOnly() {
        assertThat(parse("{\"AcceptedTransferSyntaxPreference\": \"Uncompressed\"}").acceptedTransferSyntaxPreference())
                .isEqualTo(AcceptedTransferSyntaxPreference.UNCOMPRESSED);
        assertThat(parse("{\"AcceptedTransferSyntaxPreference\": \"Proposer\"}").acceptedTransferSyntaxPreference())
                .isEqualTo(AcceptedTransferSyntaxPreference.PROPOSER);
        ConfigException wrong = error("{\"AcceptedTransferSyntaxPreference\": \"uncompressed\"}");
        assertThat(wrong.key()).isEqualTo("AcceptedTransferSyntaxPreference");
        assertThat(wrong.getMessage()).contains("\"Proposer\", \"Uncompressed\"").contains("got \"uncompressed\"");
        assertThat(error("{\"AcceptedTransferSyntaxPreference\": true}").getMessage())
                .contains("AcceptedTransferSyntaxPreference").contains("must be a string");
    }

    @Test
    void everyKeyIsRead() {
        CustodianConfig c = parse("""
                {
                  "Name": "Archive 1", "DicomAet": "ARCH1", "DicomPort": 11112, "HttpPort": 8080,
                  "StorageDirectory": "data", "IndexDirectory": "/var/lib/idx",
                  "RemoteAccessAllowed": true, "AuthenticationEnabled": false,
                  "RegisteredUsers": {"alice": "secret", "bob": "pw"},
                  "DicomCheckCalledAet": true, "DicomCheckModalityHost": true,
                  "DicomAlwaysAllowEcho": false, "DicomAlwaysAllowStore": false,
                  "DicomScpTimeout": 60, "DicomScuTimeout": 5, "MaximumStorageSize": 100,
                  "OverwriteInstances": true, "DicomMaximumAssociations": 8, "MaximumPduLength": 65536,
                  "StorageCommitmentReportsSize": 10, "MinimumFreeDiskSpace": 512
                }""");
        assertThat(c.name()).isEqualTo("Archive 1");
        assertThat(c.dicomAet()).isEqualTo("ARCH1");
        assertThat(c.dicomPort()).isEqualTo(11112);
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.storageDirectory()).isEqualTo(BASE.resolve("data"));
        assertThat(c.indexDirectory()).isEqualTo(Path.of("/var/lib/idx"));
        assertThat(c.remoteAccessAllowed()).isTrue();
        assertThat(c.authenticationEnabled()).isFalse();
        assertThat(c.registeredUsers()).containsEntry("alice", "secret").containsEntry("bob", "pw");
        assertThat(c.dicomCheckCalledAet()).isTrue();
        assertThat(c.dicomCheckModalityHost()).isTrue();
        assertThat(c.dicomAlwaysAllowEcho()).isFalse();
        assertThat(c.dicomAlwaysAllowStore()).isFalse();
        assertThat(c.dicomScpTimeoutSeconds()).isEqualTo(60);
        assertThat(c.dicomScuTimeoutSeconds()).isEqualTo(5);
        assertThat(c.maximumStorageBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(c.overwriteInstances()).isTrue();
        assertThat(c.dicomMaximumAssociations()).isEqualTo(8);
        assertThat(c.maximumPduLength()).isEqualTo(65536);
        assertThat(c.storageCommitmentReportsSize()).isEqualTo(10);
        assertThat(c.minimumFreeDiskSpaceMb()).isEqualTo(512);
    }

    @Test
    void authenticationDefaultsToRemoteAccessAllowedAsOrthanc() {
        assertThat(parse("{\"RemoteAccessAllowed\": true}").authenticationEnabled()).isTrue();
        assertThat(parse("{\"RemoteAccessAllowed\": false}").authenticationEnabled()).isFalse();
        assertThat(parse("{\"AuthenticationEnabled\": true}").authenticationEnabled()).isTrue();
    }

    @Test
    void commentsOfBothKindsAreAllowed() {
        CustodianConfig c = parse("""
                /* Orthanc-style header
                   comment */
                {
                  // the AE title
                  "DicomAet": "COMMENTED", /* inline */ "DicomPort": 104
                }""");
        assertThat(c.dicomAet()).isEqualTo("COMMENTED");
        assertThat(c.dicomPort()).isEqualTo(104);
    }

    @Test
    void modalitiesInArrayForm() {
        CustodianConfig c = parse("""
                {"DicomModalities": {
                   "ct": ["CT_SCANNER", "10.0.0.5", 104],
                   "mr": ["MR1", "mr.example.org", "4242", "GE"]}}""");
        RemoteModality ct = c.dicomModalities().get("ct");
        assertThat(ct).isEqualTo(RemoteModality.of("CT_SCANNER", "10.0.0.5", 104));
        assertThat(ct.allowStorageCommitment()).isTrue();
        assertThat(ct.manufacturer()).isEqualTo("Generic");
        RemoteModality mr = c.dicomModalities().get("mr");
        assertThat(mr.port()).isEqualTo(4242);
        assertThat(mr.manufacturer()).isEqualTo("GE");
        assertThat(c.dicomModalities().keySet()).containsExactly("ct", "mr");
    }

    @Test
    void modalitiesInObjectFormWithOrthancDefaults() {
        CustodianConfig c = parse("""
                {"DicomModalities": {
                   "pacs": {"AET": "PACS", "Host": "127.0.0.1", "Port": 11112, "AllowEcho": false,
                            "AllowStore": false, "AllowStorageCommitment": false, "Manufacturer": "Generic",
                            "AllowFind": false, "AllowMove": false, "AllowGet": false,
                            "AllowFindWorklist": false, "AllowTranscoding": false, "LocalAet": "ME", "Timeout": 7,
                            "UseDicomTls": false},
                   "minimal": {"AET": "MIN", "Host": "h", "Port": 104}}}""");
        RemoteModality pacs = c.dicomModalities().get("pacs");
        assertThat(pacs.aet()).isEqualTo("PACS");
        assertThat(pacs.allowEcho()).isFalse();
        assertThat(pacs.allowStore()).isFalse();
        assertThat(pacs.allowStorageCommitment()).isFalse();
        assertThat(pacs.allowFind()).isFalse();
        assertThat(pacs.allowMove()).isFalse();
        assertThat(pacs.allowGet()).isFalse();
        assertThat(pacs.allowFindWorklist()).isFalse();
        assertThat(pacs.allowTranscoding()).isFalse();
        assertThat(pacs.localAet()).isEqualTo("ME");
        assertThat(pacs.timeoutSeconds()).isEqualTo(7);
        assertThat(c.dicomModalities().get("minimal")).isEqualTo(RemoteModality.of("MIN", "h", 104));
    }

    @Test
    void orthancFinerCommitmentSwitchesDisableCommitment() {
        CustodianConfig c = parse("""
                {"DicomModalities": {"m": {"AET": "M", "Host": "h", "Port": 1, "AllowNAction": false}}}""");
        assertThat(c.dicomModalities().get("m").allowStorageCommitment()).isFalse();
    }

    @Test
    void postgresSectionWithPluginKeys() {
        CustodianConfig c = parse("""
                {"PostgreSQL": {"EnableIndex": true, "EnableStorage": false, "Host": "db", "Port": 5433,
                  "Database": "pacs", "Username": "u", "Password": "p", "Lock": false}}""");
        PostgresConfig pg = c.postgresql().orElseThrow();
        assertThat(c.usesPostgresIndex()).isTrue();
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/pacs");
        assertThat(pg.username()).isEqualTo("u");
        assertThat(pg.password()).isEqualTo("p");
        assertThat(parse("{\"PostgreSQL\": {\"EnableIndex\": false}}").usesPostgresIndex()).isFalse();
    }

    @Test
    void orthancKeysWeDoNotUseAreAccepted() {
        CustodianConfig c = parse("""
                {"ConcurrentJobs": 2, "HttpServerEnabled": true,
                 "StableAge": 60, "LuaScripts": [], "DicomTlsEnabled": false, "Worklists": {"Enable": false}}""");
        assertThat(c.dicomAet()).isEqualTo("CUSTODIAN");
    }

    @Test
    void pluginPathsResolveAgainstTheFileFolderAndTheTimeoutIsInSeconds() {
        CustodianConfig c = parse("""
                {"Plugins": ["plugins/backup-check.jar", "/usr/share/orthanc/plugins"],
                 "StorageCommitmentPluginTimeout": 3}""");
        assertThat(c.plugins().paths()).containsExactly(Path.of("/srv/custodian/plugins/backup-check.jar"),
                Path.of("/usr/share/orthanc/plugins"));
        assertThat(c.plugins().callTimeout()).hasSeconds(3);
        assertThat(parse("{}").plugins().paths()).isEmpty();
        assertThat(parse("{}").plugins().callTimeout()).hasSeconds(10);
        assertThat(error("{\"Plugins\": \"a.jar\"}").getMessage()).contains("Plugins").contains("list of paths");
        assertThat(error("{\"Plugins\": [\"\"]}").key()).isEqualTo("Plugins[0]");
        assertThat(error("{\"Plugins\": [\"a.jar\", 5]}").key()).isEqualTo("Plugins[1]");
        assertThat(error("{\"StorageCommitmentPluginTimeout\": 0}").key()).isEqualTo("StorageCommitmentPluginTimeout");
    }

    @Test
    void unknownKeyIsNamed() {
        ConfigException e = error("{\"DicomAet\": \"X\", \"DicomPortt\": 104}");
        assertThat(e.key()).isEqualTo("DicomPortt");
        assertThat(e.getMessage()).contains("DicomPortt").contains("unknown key");
    }

    @Test
    void unknownNestedKeysAreNamedWithTheirPath() {
        assertThat(error("{\"DicomModalities\": {\"ct\": {\"AET\": \"A\", \"Host\": \"h\", \"Port\": 1, \"Prot\": 2}}}").key())
                .isEqualTo("DicomModalities.ct.Prot");
        assertThat(error("{\"PostgreSQL\": {\"EnableIndex\": true, \"Hots\": \"x\"}}").key()).isEqualTo("PostgreSQL.Hots");
    }

    @Test
    void illTypedKeysAreNamedWithTheProblem() {
        ConfigException port = error("{\"DicomPort\": \"4242\"}");
        assertThat(port.key()).isEqualTo("DicomPort");
        assertThat(port.getMessage()).contains("must be an integer").contains("\"4242\"");
        assertThat(error("{\"RemoteAccessAllowed\": \"yes\"}").getMessage())
                .contains("RemoteAccessAllowed").contains("true or false");
        assertThat(error("{\"DicomAet\": 5}").getMessage()).contains("DicomAet").contains("must be a string");
        assertThat(error("{\"HttpPort\": 70000}").getMessage()).contains("HttpPort").contains("0..65535");
        assertThat(error("{\"DicomAet\": \"WAY_TOO_LONG_AE_TITLE\"}").key()).isEqualTo("DicomAet");
        assertThat(error("{\"RegisteredUsers\": [\"alice\"]}").key()).isEqualTo("RegisteredUsers");
        assertThat(error("{\"RegisteredUsers\": {\"alice\": 1}}").key()).isEqualTo("RegisteredUsers.alice");
        assertThat(error("{\"MaximumStorageSize\": -1}").key()).isEqualTo("MaximumStorageSize");
        assertThat(error("{\"MaximumPduLength\": 100}").key()).isEqualTo("MaximumPduLength");
        assertThat(error("{\"DicomScpTimeout\": 1.5}").getMessage()).contains("must be an integer");
        assertThat(error("{\"DicomAet\": null}").getMessage()).contains("DicomAet").contains("got null");
        assertThat(error("{\"PostgreSQL\": null}").key()).isEqualTo("PostgreSQL");
    }

    @Test
    void badModalitiesAreNamed() {
        assertThat(error("{\"DicomModalities\": {\"ct\": [\"A\", \"h\"]}}").key()).isEqualTo("DicomModalities.ct");
        assertThat(error("{\"DicomModalities\": {\"ct\": [\"A\", \"h\", \"x\"]}}").key())
                .isEqualTo("DicomModalities.ct[2] (port)");
        assertThat(error("{\"DicomModalities\": {\"ct\": [\"A\", \"h\", 0]}}").key())
                .isEqualTo("DicomModalities.ct[2] (port)");
        assertThat(error("{\"DicomModalities\": {\"ct\": {\"Host\": \"h\", \"Port\": 1}}}").key())
                .isEqualTo("DicomModalities.ct.AET");
        assertThat(error("{\"DicomModalities\": {\"ct\": \"A@h:1\"}}").key()).isEqualTo("DicomModalities.ct");
        assertThat(error("{\"DicomModalities\": {\"ct\": [\"AN_AE_TITLE_TOO_LONG\", \"h\", 1]}}").getMessage())
                .contains("DicomModalities.ct").contains("16 characters");
    }

    @Test
    void featuresWeDoNotHaveCannotBeSwitchedOn() {
        assertThat(error("{\"DicomTlsEnabled\": true}").key()).isEqualTo("DicomTlsEnabled");
        assertThat(error("{\"SslEnabled\": true}").getMessage()).contains("not supported");
    }

    @Test
    void malformedJsonAndDuplicatesAreReported() {
        assertThat(error("{\"DicomAet\": }").getMessage()).contains("not valid JSON").contains("line 1");
        assertThat(error("{\"DicomAet\": \"A\", \"DicomAet\": \"B\"}").getMessage()).contains("DicomAet");
        assertThat(error("").getMessage()).contains("empty");
        assertThat(error("[1, 2]").getMessage()).contains("must be a JSON object");
    }

    @Test
    void fileRelativePathsResolveAgainstTheFileFolder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("custodian.json");
        Files.writeString(file, "{\"StorageDirectory\": \"store\"}");
        CustodianConfig c = ConfigLoader.load(file);
        assertThat(c.storageDirectory()).isEqualTo(dir.resolve("store").toAbsolutePath());
    }

    @Test
    void missingFileIsAConfigException(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent.json")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("absent.json");
    }
}
