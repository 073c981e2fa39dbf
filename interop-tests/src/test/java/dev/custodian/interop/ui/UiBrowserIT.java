package dev.custodian.interop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.support.Browser;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue #12: the operator page in a real headless Chromium, one browser for the class, against
 * Custodian (authentication on) with DCMTK storescu and Orthanc 1.10.1 as peers. The tests run in
 * order on one archive: what the dashboard shows after storescu stores, searching studies,
 * echoing modalities, sending a study to Orthanc with commitment, and the refusal of a browser
 * without credentials; incoming commitments from Orthanc, delivered and undeliverable. Writes
 * the screenshots ui-dashboard.png and ui-commitment.png to interop-tests/target/, or over the
 * README's copies in docs/ with {@code -Dcustodian.screenshots=docs}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiBrowserIT {
    private Path dir;
    private Orthanc orthanc;
    private UiServer server;
    private Browser browser;
    private List<Path> doe;
    private List<Path> smith;
    private List<Path> fresh;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        int custodianDicom = Ports.freePort();
        // "ghost" is Orthanc calling as GHOST, whose listener (as Custodian knows it) is a closed port
        orthanc = Orthanc.start(dir, "{ \"custodian\": [\"" + UiServer.AET + "\", \"127.0.0.1\", " + custodianDicom + "],"
                + " \"ghost\": { \"AET\": \"" + UiServer.AET + "\", \"Host\": \"127.0.0.1\", \"Port\": " + custodianDicom
                + ", \"LocalAet\": \"GHOST\" } }");
        int closed = Ports.freePort();
        server = new UiServer(dir, custodianDicom, "\"StorageCommitmentRetryInitialDelay\": 200,"
                + " \"DicomModalities\": {"
                + " \"orthanc\": { \"AET\": \"ORTHANC\", \"Host\": \"127.0.0.1\", \"Port\": " + orthanc.dicomPort() + " },"
                + " \"ghost\": [\"GHOST\", \"127.0.0.1\", " + closed + "],"
                + " \"nobody\": [\"NOBODY\", \"127.0.0.1\", " + closed + "] }");
        doe = TestInstances.secondaryCapture(dir.resolve("doe"), "UIDOE", 3, 16, 12);
        smith = TestInstances.secondaryCapture(dir.resolve("smith"), "UISMITH", 2, 16, 13);
        fresh = TestInstances.secondaryCapture(dir.resolve("fresh"), "UINEW", 2, 16, 14);
        browser = Browser.start(dir);
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            if (orthanc != null) {
                orthanc.close("ui-browser");
            }
        }
    }

    private void storescu(List<Path> files) {
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "MODALITY", "-aec", UiServer.AET,
                "127.0.0.1", Integer.toString(server.app.dicomPort())));
        files.forEach(f -> command.add(f.toString()));
        Tools.run(command).requireSuccess("storescu");
    }

    @Test
    @Order(1)
    void aBrowserWithoutCredentialsIsRefused() {
        browser.open(server.page(false, "#/dashboard"));
        Object status = ((JavascriptExecutor) browser.driver()).executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus;");
        assertThat(status).isEqualTo(401L);
        assertThat(browser.driver().findElements(By.id("dashboard"))).isEmpty();
        assertThat(browser.text()).doesNotContain("Dashboard");
    }

    @Test
    @Order(2)
    void theDashboardCountsWhatStorescuStored() throws Exception {
        browser.open(server.page(true, "#/dashboard"));
        browser.awaitText("#stat-instances", "0");
        storescu(doe.subList(0, 2));
        storescu(smith);
        browser.awaitText("#stat-instances", "4");
        try (Holder holder = new Holder(server.app.dicomPort(), UiServer.AET)) {
            assertThat(holder.store(doe.get(2))).isZero();
            browser.awaitText("#stat-associations", "1");
            browser.awaitText("#associations + p + .scroll tbody tr", Holder.AET);
            assertThat(browser.awaitVisible("#associations + p + .scroll tbody tr").getText()).contains("CUSTODIAN")
                    .endsWith("1 0");
        }
        browser.awaitText("#stat-associations", "0");
        browser.awaitText("#stat-instances", "5");
        assertThat(browser.awaitVisible("#stat-studies").getText()).isEqualTo("2");
        assertThat(browser.awaitVisible("#stat-disk-used").getText()).endsWith("KB");
        assertThat(browser.awaitVisible("#stat-disk-free").getText()).matches("[0-9.]+ [KMGT]?B");
        assertThat(browser.awaitVisible("#jobs-Success").getText()).contains("Success");
    }

    @Test
    @Order(3)
    void studiesAreFoundByPatientNameIdAndDate() {
        browser.open(server.page(true, "#/studies"));
        browser.awaitText("#studies table", "UIDOE");
        assertThat(browser.driver().findElements(By.cssSelector("#studies tbody tr"))).hasSize(2);
        WebElement name = browser.driver().findElement(By.name("name"));
        name.clear();
        name.sendKeys("smith");
        browser.driver().findElement(By.cssSelector("#studies form button")).click();
        browser.await("one study of UISMITH", d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#studies tbody tr"));
            return rows.size() == 1 && rows.get(0).getText().contains("UISMITH");
        });
        name.clear();
        name.sendKeys("nobody-by-this-name");
        browser.driver().findElement(By.cssSelector("#studies form button")).click();
        browser.awaitText("#studies p.muted", "No study matches");
        browser.open(server.page(true, "#/studies?id=UIDOE"));
        browser.await("only UIDOE", d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#studies tbody tr"));
            return rows.size() == 1 && rows.get(0).getText().contains("Interop UIDOE");
        });
    }

    @Test
    @Order(4)
    void echoShowsSuccessOrAReadableFailure() {
        browser.open(server.page(true, "#/modalities"));
        browser.awaitVisible("tr[data-modality='orthanc'] button.echo").click();
        browser.awaitText("tr[data-modality='orthanc'] .echo-result", "Echo succeeded");
        browser.awaitVisible("tr[data-modality='nobody'] button.echo").click();
        WebElement failed = browser.awaitText("tr[data-modality='nobody'] .echo-result", "Echo failed");
        assertThat(failed.getText()).contains("Error in the network protocol").doesNotContain("Exception").doesNotContain("at dev.");
    }

    /** [SOP Class UID, SOP Instance UID] of what Custodian holds for patient {@code patientId}, in instance order. */
    private List<String[]> heldInstances(String patientId) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (var i : server.get("/instances?expand")) {
            String sop = i.get("MainDicomTags").get("SOPInstanceUID").asText();
            var patient = server.get("/instances/" + i.get("ID").asText() + "/patient");
            if (patient.get("MainDicomTags").get("PatientID").asText().equals(patientId)) {
                out.add(new String[] {TestInstances.SECONDARY_CAPTURE, sop});
            }
        }
        out.sort(java.util.Comparator.comparing(a -> a[1]));
        return out;
    }

    @Test
    @Order(5)
    void aCommitmentRequestFromOrthancAppearsWithItsResult() throws Exception {
        List<String[]> asked = new ArrayList<>(heldInstances("UIDOE"));
        String missing = "1.2.826.0.1.3680043.10.1137.99.1";
        asked.add(new String[] {TestInstances.SECONDARY_CAPTURE, missing});
        String id = orthanc.requestStorageCommitment("custodian", asked);
        browser.open(server.page(true, "#/incoming"));
        WebElement row = browser.awaitVisible("#incoming tr[data-transaction='" + id + "']");
        browser.awaitText("#incoming tr[data-transaction='" + id + "']", "Delivered");
        assertThat(row.getText()).contains("ORTHANC").contains("3 / 1");
        row.click();
        browser.awaitText("#detail-delivery", "Delivered");
        assertThat(browser.awaitVisible("#detail-committed").getText()).isEqualTo("3");
        assertThat(browser.awaitVisible("#detail-failed").getText()).isEqualTo("1");
        WebElement results = browser.awaitText("#instance-results", "No such object instance");
        assertThat(results.findElements(By.cssSelector("tbody tr"))).hasSize(4);
        assertThat(results.getText()).contains(missing).contains("[0112H]");
        browser.size(1280, 1100).screenshot(screenshot("ui-commitment.png"));
        browser.size(1280, 900);
        assertThat(orthanc.get("/storage-commitment/" + id).get("Status").asText()).isEqualTo("Failure");
    }

    @Test
    @Order(6)
    void aReportThatCannotBeDeliveredShowsAsRetryingWithItsError() throws Exception {
        String id = orthanc.requestStorageCommitment("ghost", heldInstances("UISMITH"));
        browser.open(server.page(true, "#/incoming?state=Retry"));
        WebElement row = browser.awaitText("#incoming tr[data-transaction='" + id + "']", "Retrying");
        assertThat(row.getText()).contains("GHOST").contains("Connection refused").contains("next 20");
        row.click();
        browser.awaitText("#detail-delivery", "Retrying");
        assertThat(browser.awaitVisible("#detail-error").getText()).contains("Connection refused");
        browser.awaitVisible("#incoming-detail button.cancel").click();
        browser.awaitText("#detail-delivery", "Failed");
    }

    /** "Send and commit" of patient {@code patientId}'s study to Orthanc from the studies page; the Transaction UID. */
    private String sendAndCommit(String patientId) {
        browser.open(server.page(true, "#/studies?id=" + patientId));
        browser.await("only " + patientId, d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#studies tbody tr"));
            return rows.size() == 1 && rows.get(0).getText().contains(patientId);
        });
        new Select(browser.driver().findElement(By.name("target"))).selectByValue("orthanc");
        assertThat(browser.driver().findElement(By.name("commit")).isSelected()).isTrue();
        browser.awaitVisible("#studies tbody tr button.send").click();
        browser.awaitText("#send-state", "Success");
        return browser.awaitVisible("#send-commitment").getText();
    }

    /** On the outgoing transaction's page: "Remove local copies", confirmed. */
    private void removeLocalCopies(String uid) {
        browser.open(server.page(true, "#/outgoing?status=Success"));
        browser.awaitText("#outgoing tr[data-transaction='" + uid + "']", "ORTHANC");
        browser.awaitVisible("#outgoing tr[data-transaction='" + uid + "']").click();
        browser.awaitText("#outgoing-status", "Success");
        browser.awaitVisible("#outgoing-detail button.remove").click();
        browser.awaitVisible("#outgoing-detail button.danger").click();
    }

    @Test
    @Order(7)
    void sendAndCommitAStudyToOrthancEndsAsSuccessThenReleasesTheLocalCopies() throws Exception {
        String guarded = sendAndCommit("UIDOE");
        browser.awaitVisible("#send-commitment").click();
        browser.awaitText("#outgoing-status", "Success");
        WebElement results = browser.awaitVisible("#outgoing-results");
        assertThat(results.findElements(By.cssSelector("tbody tr"))).hasSize(3);
        assertThat(results.getText()).contains("Committed").doesNotContain("Failed");
        // we committed these to ORTHANC ourselves (the incoming request above): the ledger keeps them
        removeLocalCopies(guarded);
        WebElement refusal = browser.awaitText("#outgoing-detail .error", "could not be deleted");
        assertThat(refusal.getText()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(server.get("/statistics").get("CountInstances").asInt()).isEqualTo(5);

        storescu(fresh);
        String released = sendAndCommit("UINEW");
        assertThat(orthanc.get("/instances").size()).isEqualTo(5);
        removeLocalCopies(released);
        browser.awaitText("#outgoing-detail .notice", "Local copies removed");
        assertThat(server.get("/statistics").get("CountInstances").asInt()).isEqualTo(5);
        assertThat(server.get("/patients").size()).isEqualTo(2);
    }

    @Test
    @Order(8)
    void theDashboardAtTheEndAndOnANarrowWindow() throws Exception {
        browser.open(server.page(true, "#/dashboard"));
        browser.awaitText("#in-committed", "3");
        browser.awaitText("#out-success", "2");
        browser.awaitText("#jobs-Failure", "1");
        browser.screenshot(screenshot("ui-dashboard.png"));
        browser.size(400, 900).open(server.page(true, "#/dashboard"));
        browser.awaitText("#stat-instances", "5");
        long overflow = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0);
        browser.size(1280, 900);
    }

    /** Where a screenshot goes: target/, so that a test run leaves the repository's files alone. */
    private static Path screenshot(String name) throws java.io.IOException {
        Path folder = "docs".equals(System.getProperty("custodian.screenshots"))
                ? Tools.ROOT.resolve("docs") : Tools.ROOT.resolve("interop-tests/target/screenshots");
        return java.nio.file.Files.createDirectories(folder).resolve(name);
    }
}
