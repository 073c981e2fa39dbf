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
 * without credentials. Writes docs/ui-dashboard.png.
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

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        int custodianDicom = Ports.freePort();
        orthanc = Orthanc.start(dir, "{ \"custodian\": [\"" + UiServer.AET + "\", \"127.0.0.1\", " + custodianDicom + "] }");
        server = new UiServer(dir, custodianDicom, "\"DicomModalities\": {"
                + " \"orthanc\": { \"AET\": \"ORTHANC\", \"Host\": \"127.0.0.1\", \"Port\": " + orthanc.dicomPort() + " },"
                + " \"nobody\": [\"NOBODY\", \"127.0.0.1\", " + Ports.freePort() + "] }");
        doe = TestInstances.secondaryCapture(dir.resolve("doe"), "UIDOE", 3, 16, 12);
        smith = TestInstances.secondaryCapture(dir.resolve("smith"), "UISMITH", 2, 16, 13);
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
        storescu(doe);
        storescu(smith);
        browser.awaitText("#stat-instances", "5");
        assertThat(browser.awaitVisible("#stat-studies").getText()).isEqualTo("2");
        assertThat(browser.awaitVisible("#stat-disk-used").getText()).endsWith("KB");
        assertThat(browser.awaitVisible("#stat-disk-free").getText()).matches("[0-9.]+ [KMGT]?B");
        assertThat(browser.awaitVisible("#jobs-Success").getText()).contains("Success");
        browser.screenshot(Tools.ROOT.resolve("docs/ui-dashboard.png"));
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

    @Test
    @Order(5)
    void sendAndCommitAStudyToOrthanc() throws Exception {
        browser.open(server.page(true, "#/studies?name=UIDOE"));
        browser.awaitText("#studies tbody tr", "UIDOE");
        new Select(browser.driver().findElement(By.name("target"))).selectByValue("orthanc");
        browser.awaitVisible("#studies tbody tr button.send").click();
        browser.awaitText("#send-state", "Success");
        assertThat(orthanc.get("/instances").size()).isEqualTo(3);
    }

    @Test
    @Order(6)
    void aNarrowWindowNeedsNoSidewaysScrolling() {
        browser.size(400, 900).open(server.page(true, "#/dashboard"));
        browser.awaitText("#stat-instances", "5");
        long overflow = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0);
        browser.size(1280, 900);
    }
}
