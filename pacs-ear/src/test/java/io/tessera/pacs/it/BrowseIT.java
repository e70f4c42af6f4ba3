package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.testkit.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's study browser, viewer and delete (issue 8) in headless Chromium against ./tessera serve on H2 (and PostgreSQL on the PostgreSQL pass, ItDatabase), with
 * data sent by dcmtk's storescu: find studies by a Patient's Name wildcard and a study date range, open a study, view
 * an image at its Rows × Columns, step through a multi-frame, delete a series (rows, counts and file gone), and a
 * View-only user without Delete. Port offset 1000 (management 10990), DICOM 12212.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowseIT {
    static final int OFFSET = 1000;
    static final int DICOM_PORT = 12212;
    static final String DOE_STUDY = "2.25.8808001";

    private Path data;
    private PacsServerProcess server;
    private ManagementClient jmx;
    private Browser browser;
    private String console;
    private final Map<String, String> sopUids = new java.util.HashMap<>();

    @BeforeAll
    void start() throws Exception {
        data = TestEnvironment.dataDir().resolveSibling("browse-it");
        PostgreSqlServer.deleteTree(data);
        ManagementClient.addUser(data);
        server = new PacsServerProcess(data, OFFSET, DICOM_PORT);
        server.start();
        console = server.consoleUrl();
        jmx = ManagementClient.connect(OFFSET);
        jmx.addOrUpdateAe("MODALITY", 0, true, null);

        // three patients: Müller^Jörg (ISO_IR 100, 2024-01-31, no pixel data), Doe^John (2023-06-15: CT 512x512,
        // US 4 frames 64x64, CR 128x96 and a Comprehensive SR in one study), Dolittle^Jane (MR, 2022-03-01)
        Path work = Files.createDirectories(data.resolve("send"));
        List<Path> files = new ArrayList<>();
        files.add(copy("charset-iso-ir-100.dcm", work, "muller", "PatientID=BR-LATIN"));
        String[] doe = {"PatientID=BR-DOE", "PatientName=Doe^John", "StudyDate=20230615", "AccessionNumber=BRACC2",
                "StudyInstanceUID=" + DOE_STUDY};
        files.add(copy("ct512.dcm", work, "ct", concat(doe, "SeriesNumber=1")));
        files.add(copy("us-multiframe.dcm", work, "us", concat(doe, "SeriesNumber=2")));
        files.add(copy("cr.dcm", work, "cr", concat(doe, "SeriesNumber=3")));
        files.add(copy("sr-comprehensive.dcm", work, "sr", concat(doe, "SeriesNumber=4")));
        files.add(copy("mr-signed.dcm", work, "mr", "PatientID=BR-DOL", "PatientName=Dolittle^Jane",
                "StudyDate=20220301"));
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "MODALITY", "-aec", "TESSERA", "127.0.0.1",
                Integer.toString(DICOM_PORT)));
        files.forEach(f -> command.add(f.toString()));
        Dcmtk.Result sent = Dcmtk.run(command.toArray(String[]::new));
        assertTrue(sent.ok(), sent.output());
        browser = new Browser();
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    /** A corpus file copied and changed by dcmodify; remembers its SOP Instance UID under {@code name}. */
    private Path copy(String corpusName, Path dir, String name, String... modifications) {
        Path source = Corpus.get().stream().map(Corpus.Entry::file).filter(f -> f.getFileName().toString().equals(corpusName))
                .findFirst().orElseThrow(() -> new IllegalStateException("no corpus file " + corpusName));
        Path target = dir.resolve(name + ".dcm");
        try {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("dcmodify", "-nb"));
        for (String m : modifications) {
            command.add("-m");
            command.add(m);
        }
        command.add(target.toString());
        Dcmtk.Result r = Dcmtk.run(command.toArray(String[]::new));
        assertTrue(r.ok(), r.output());
        Matcher uid = Pattern.compile("\\[([0-9.]+)\\]").matcher(Dcmtk.run("dcmdump", "+P", "0008,0018", target.toString()).output());
        assertTrue(uid.find());
        sopUids.put(name, uid.group(1));
        return target;
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (jmx != null) {
            jmx.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        // an AJAX update can replace an element between finding it and reading it (seen at load 25): try again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    /** HTTP status and body of a GET in the browser's session. */
    private String fetch(String url) {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(function (r) { return r.text().then(function (t) {"
                        + " done(r.status + ' ' + (r.headers.get('Content-Type') || '') + ' ' + (r.headers.get('X-Tessera-Cache') || '')"
                        + " + ' ' + t.substring(0, 200)); }); });",
                url);
    }

    private String consolePath() {
        return console.replaceFirst("^http://[^/]+", "");
    }

    private void search(Map<String, String> fields, String expectedCount) {
        browser.open(console + "browse.xhtml");
        browser.waitForText(By.id("browse:studies"), " studies");
        fields.forEach((id, value) -> browser.driver().findElement(By.id("browse:" + id)).sendKeys(value));
        browser.driver().findElement(By.id("browse:search")).click();
        try {
            browser.waitForText(By.id("browse:studies"), expectedCount);
        } catch (RuntimeException e) {
            browser.screenshot("49-search-failed");
            try {
                Files.writeString(TestEnvironment.screenshots().resolve("49-search-failed.html"), browser.pageSource());
            } catch (IOException x) {
                e.addSuppressed(x);
            }
            throw e;
        }
    }

    private String studiesTable() {
        return browser.driver().findElement(By.id("browse:studies")).getText();
    }

    /** Waits until the viewer's image has loaded; returns "width x height" of the PNG. */
    private String loadedImageSize(String srcContains) {
        return waiting().until(d -> (String) js("var i = document.getElementById('image');"
                + " return i && i.complete && i.naturalWidth > 0 && i.src.indexOf(arguments[0]) >= 0"
                + " ? i.naturalWidth + 'x' + i.naturalHeight : null;", srcContains));
    }

    private long archivedFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(data.resolve("archive"))) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    @Order(1)
    void theAdministratorFindsStudiesByNameWildcardAndDateRange() {
        browser.login(console, TestEnvironment.ADMIN, TestEnvironment.adminPassword());
        browser.waitForText(By.id("welcome"), "Welcome, admin");
        browser.waitFor(By.id("menu:studies")).click();
        browser.waitForText(By.id("browse:studies"), "3 studies");
        browser.screenshot("40-browse");

        search(Map.of("patientName", "d?e*"), "1 studies");
        assertTrue(studiesTable().contains("Doe, John"), studiesTable());
        assertFalse(studiesTable().contains("Dolittle"), studiesTable());
        browser.screenshot("41-browse-name-wildcard");

        search(Map.of("patientName", "mü*"), "1 studies");
        assertTrue(studiesTable().contains("Müller, Jörg"), "ISO_IR 100 name, found without regard to case: " + studiesTable());

        search(Map.of("dateFrom", "2023-06-01", "dateTo", "20230630"), "1 studies");
        assertTrue(studiesTable().contains("Doe, John"), studiesTable());
        assertTrue(studiesTable().contains("2023-06-15"), studiesTable());
        browser.screenshot("42-browse-date-range");

        search(Map.of("modality", "US", "sourceAe", "MODALITY"), "1 studies");
        assertTrue(studiesTable().contains("Doe, John"), studiesTable());

        search(Map.of("dateFrom", "last week"), "0 studies");
        browser.waitForText(By.id("browse:filter-error"), "YYYY-MM-DD");

        // patient → studies: the Patient ID link lists that patient's studies
        browser.open(console + "browse.xhtml");
        browser.waitForText(By.id("browse:studies"), "3 studies");
        browser.driver().findElements(By.cssSelector(".patient-link")).stream()
                .filter(a -> a.getText().equals("BR-DOL")).findFirst().orElseThrow().click();
        browser.waitForText(By.id("browse:studies"), "1 studies");
        assertTrue(studiesTable().contains("Dolittle, Jane"), studiesTable());
        assertEquals("BR-DOL", browser.driver().findElement(By.id("browse:patientId")).getAttribute("value"));
    }

    @Test
    @Order(2)
    void theAdministratorOpensTheStudyAndViewsAnImageAtItsSize() {
        search(Map.of("patientId", "BR-DOE"), "1 studies");
        browser.driver().findElement(By.cssSelector("[id='browse:studies'] .study-link")).click();
        browser.waitForText(By.id("study:series"), "CR");
        String series = browser.driver().findElement(By.id("study:series")).getText();
        assertTrue(series.contains("CT") && series.contains("US"), series);
        browser.screenshot("43-study");

        WebElement before = browser.driver().findElement(By.id("study:instances"));
        browser.driver().findElement(By.cssSelector(".series-CT")).click();
        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        browser.waitForText(By.id("study:instances"), "512 × 512");
        browser.driver().findElement(By.cssSelector("[id='study:instances'] .view-instance")).click();
        assertEquals("512x512", loadedImageSize("frame=1"), "Columns x Rows");
        browser.driver().findElement(By.cssSelector(".preset-lung")).click();
        assertEquals("512x512", loadedImageSize("wc=-600"));
        browser.waitForText(By.id("viewer:window-info"), "C -600 / W 1500");
        browser.screenshot("44-viewer-ct");

        // mouse drag: to the right widens the window (2x per 200 px), down raises the center
        new org.openqa.selenium.interactions.Actions(browser.driver())
                .dragAndDropBy(browser.driver().findElement(By.id("image")), 200, 40).perform();
        browser.waitForText(By.id("viewer:window-info"), "W 3000");
        assertEquals("512x512", loadedImageSize("ww=3000"));
    }

    @Test
    @Order(3)
    void theStudyShowsSeriesThumbnailsAndTheViewerTheAttributeTree() {
        browser.open(console + "study.xhtml?uid=" + DOE_STUDY);
        browser.waitForText(By.id("study:series"), "CR");
        // one thumbnail per image series (CT, US, CR; the SR has none), loaded and scaled to fit size × size
        for (String modality : List.of("CT", "US", "CR")) {
            String size = waiting().until(d -> (String) js("var i = document.querySelector('.thumbnail-' + arguments[0]);"
                    + " return i && i.complete && i.naturalWidth > 0 ? i.naturalWidth + 'x' + i.naturalHeight"
                    + " + ' ' + i.getAttribute('src') : null;", modality));
            Matcher m = Pattern.compile("(\\d+)x(\\d+) .*size=(\\d+)").matcher(size);
            assertTrue(m.find(), size);
            int width = Integer.parseInt(m.group(1));
            int height = Integer.parseInt(m.group(2));
            int max = Integer.parseInt(m.group(3));
            assertTrue(width > 0 && width <= max && height > 0 && height <= max, modality + " thumbnail " + size);
        }
        assertTrue(browser.driver().findElements(By.cssSelector(".thumbnail-SR")).isEmpty(), "no thumbnail for the SR");
        assertTrue(fetch(consolePath() + "rendered/" + sopUids.get("ct") + "?size=300").startsWith("400"), "size ≤ 256");
        browser.screenshot("43a-study-thumbnails");

        // the CT thumbnail links to the viewer, whose attribute tree shows the data set with a sequence's items
        browser.driver().findElement(By.cssSelector(".thumbnail-CT")).click();
        browser.waitForText(By.id("viewer:dataset"), "SOPInstanceUID");
        String tree = browser.driver().findElement(By.id("viewer:dataset")).getText();
        for (String expected : List.of("(0010,0010)", "PatientName", "Doe^John", "(0008,0018)", sopUids.get("ct"),
                "ReferencedImageSequence", "Item 1", "Item 2", "ReferencedSOPInstanceUID", "(pixel data, ")) {
            assertTrue(tree.contains(expected), expected + " in " + tree);
        }
        browser.screenshot("44a-viewer-attributes");
    }

    @Test
    @Order(4)
    void theViewerStepsThroughAMultiFrameImage() {
        browser.open(console + "viewer.xhtml?uid=" + sopUids.get("us"));
        browser.waitForText(By.id("viewer:frame-info"), "Frame 1 of 4");
        assertEquals("64x64", loadedImageSize("frame=1"));
        for (int frame = 2; frame <= 4; frame++) {
            browser.driver().findElement(By.id("viewer:next-frame")).click();
            browser.waitForText(By.id("viewer:frame-info"), "Frame " + frame + " of 4");
            assertEquals("64x64", loadedImageSize("frame=" + frame));
            if (frame == 2) {
                browser.screenshot("45-viewer-multiframe");
            }
        }
        browser.driver().findElement(By.id("viewer:next-frame")).click();
        browser.driver().findElement(By.id("viewer:first-frame")).click();
        browser.waitForText(By.id("viewer:frame-info"), "Frame 1 of 4");

        // the servlet: 404 for an unknown instance, 415 with a message for an object without an image, 400 frame 5
        String base = consolePath() + "rendered/";
        assertTrue(fetch(base + "1.2.3.4.5").startsWith("404"), fetch(base + "1.2.3.4.5"));
        String noImage = fetch(base + sopUids.get("muller"));
        assertTrue(noImage.startsWith("415 text/plain") && noImage.contains("no image"), noImage);
        assertTrue(fetch(base + sopUids.get("us") + "?frame=5").startsWith("400"));
        assertTrue(fetch(base + sopUids.get("cr") + "?wc=100&ww=200").startsWith("200 image/png miss"));
        assertTrue(fetch(base + sopUids.get("cr") + "?wc=100&ww=200").startsWith("200 image/png hit"), "disk cache");
        assertTrue(Files.isDirectory(data.resolve("cache/rendered").resolve(sopUids.get("cr"))));
    }

    @Test
    @Order(5)
    void aStructuredReportIsShownAsADocument() {
        browser.open(console + "study.xhtml?uid=" + DOE_STUDY);
        WebElement before = browser.waitFor(By.id("study:instances"));
        browser.driver().findElement(By.cssSelector(".series-SR")).click();
        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        browser.waitFor(By.cssSelector("[id='study:instances'] .view-report")).click();
        browser.waitForText(By.id("report"), "Diagnostic Imaging Report");
        String report = browser.driver().findElement(By.id("report")).getText();
        for (String expected : List.of("Findings", "Finding: No acute intracranial abnormality.", "Length: 12.5 mm",
                "POLYLINE", "image 2.25.")) {
            assertTrue(report.contains(expected), expected + " in " + report);
        }
        assertEquals("Diagnostic Imaging Report", browser.driver().findElement(By.cssSelector(".sr-title")).getText());
        assertEquals("Findings", browser.driver().findElement(By.cssSelector(".sr-heading")).getText());
        assertFalse(browser.driver().findElements(By.cssSelector(".sr-image-link")).isEmpty());
        browser.screenshot("4a-structured-report");
    }

    @Test
    @Order(6)
    void theAdministratorDeletesASeriesAndItsRowsCountsAndFileGo() throws IOException {
        long before = archivedFiles();
        assertEquals(6, before, "six files stored");
        browser.open(console + "study.xhtml?uid=" + DOE_STUDY);
        browser.waitFor(By.cssSelector(".delete-series-CR")).click();
        browser.waitFor(By.id("study:confirm-yes"));
        browser.screenshot("46-delete-confirm");
        browser.driver().findElement(By.id("study:confirm-yes")).click();
        waiting().until(d -> !d.findElement(By.id("study:series")).getText().contains("CR"));
        browser.waitForText(By.cssSelector(".ui-growl"), "deleted");
        browser.screenshot("47-after-delete");
        waiting().until(d -> {
            try {
                return archivedFiles() == before - 1;
            } catch (IOException e) {
                return false;
            }
        });
        assertTrue(fetch(consolePath() + "rendered/" + sopUids.get("cr")).startsWith("404"), "the instance row is gone");
        assertFalse(Files.exists(data.resolve("cache/rendered").resolve(sopUids.get("cr"))), "its renderings are gone");

        search(Map.of("patientId", "BR-DOE"), "1 studies");
        WebElement row = browser.driver().findElement(By.cssSelector("[id='browse:studies'] tbody tr"));
        assertEquals("3", row.findElement(By.cssSelector(".num-series")).getText(), "study's Number of Series");
        assertEquals("3", row.findElement(By.cssSelector(".num-instances")).getText(), "study's Number of Instances");
        assertFalse(row.getText().contains("CR"), "Modalities in Study without CR: " + row.getText());

        // a whole study, from the browser
        search(Map.of("patientId", "BR-DOL"), "1 studies");
        browser.driver().findElement(By.cssSelector("[id='browse:studies'] .delete-study")).click();
        browser.waitFor(By.id("browse:confirm-yes")).click();
        browser.waitForText(By.id("browse:studies"), "0 studies");
        waiting().until(d -> {
            try {
                return archivedFiles() == before - 2;
            } catch (IOException e) {
                return false;
            }
        });
        assertTrue(fetch(consolePath() + "rendered/" + sopUids.get("mr")).startsWith("404"), "the study's rows are gone");
    }

    @Test
    @Order(7)
    void aViewOnlyUserSeesNoDeleteButtons() {
        browser.open(console + "admin/users.xhtml");
        browser.waitFor(By.id("users:add")).click();
        browser.waitFor(By.id("user-form:username")).sendKeys("viewer");
        browser.driver().findElement(By.id("user-form:fullName")).sendKeys("Vera Viewer");
        browser.driver().findElement(By.id("user-form:password")).sendKeys("viewer-pass-1");
        browser.driver().findElement(By.id("user-form:save")).click();
        browser.waitForText(By.id("users:table"), "viewer");

        browser.driver().manage().deleteAllCookies();
        browser.login(console, "viewer", "viewer-pass-1");
        browser.waitForText(By.id("welcome"), "Welcome, viewer");
        browser.open(console + "browse.xhtml");
        browser.waitForText(By.id("browse:studies"), "2 studies");
        assertTrue(browser.driver().findElements(By.cssSelector(".delete-study")).isEmpty(), "no Delete study");
        browser.open(console + "study.xhtml?uid=" + DOE_STUDY);
        browser.waitForText(By.id("study:series"), "US");
        assertTrue(browser.driver().findElements(By.cssSelector(".delete-series")).isEmpty(), "no Delete series");
        browser.screenshot("48-view-only-study");
        assertTrue(fetch(consolePath() + "rendered/" + sopUids.get("ct")).startsWith("200 image/png"), "View may view");
    }
}
