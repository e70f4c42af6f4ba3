package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's side of routing (issue 7) in headless Chromium, with dcmtk's storescp as destinations and storescu as
 * the modality: the Routing page adds a rule and refuses one with an unknown destination or a malformed pattern; images
 * from a matching source reach the destination and their tasks show COMPLETED on the Tasks page; Forward from the
 * Studies page and from a study's page; a destination that is down makes failed tasks, whose error and history the
 * Tasks page shows and the dashboard counts, and Retry delivers them once it is up; a View-only user gets neither
 * Forward nor the routing form nor Retry. The PACS runs as ./tessera serve on port offset 1400 (console 9480,
 * management 11390), DICOM 12512; the retry limit is 2 attempts a second apart, set over JMX, so failures come fast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingPageIT {
    static final int OFFSET = 1400;
    static final int DICOM_PORT = 12512;
    static final String ROOT = "1.2.826.0.1.3680043.10.1400";
    static final int IMAGES = 3;

    /** A failed test leaves a screenshot of the page as it was (7x-failed-<test>.png). */
    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot("7x-failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    private Path data;
    private PacsServerProcess server;
    private ManagementClient jmx;
    private Browser browser;
    private String console;
    private Dcmtk.Storescp dest;
    private Dcmtk.Storescp down;
    private final Set<String> sentUids = new TreeSet<>();

    @BeforeAll
    void start() throws Exception {
        data = TestEnvironment.dataDir().resolveSibling("routing-page-it");
        PostgreSqlServer.deleteTree(data);
        Files.createDirectories(data);
        ManagementClient.addUser(data);
        dest = new Dcmtk.Storescp("RP_DEST", data);
        down = new Dcmtk.Storescp("RP_DOWN", data);
        server = new PacsServerProcess(data, OFFSET, DICOM_PORT);
        server.start();
        console = server.consoleUrl();
        jmx = ManagementClient.connect(OFFSET);
        jmx.addOrUpdateAe("RP_MOD", 0, true, null);
        jmx.addOrUpdateAe(dest.title, dest.port, false, null);
        jmx.addOrUpdateAe(down.title, down.port, false, null);
        dest.start();
        // two attempts a second apart, so that a destination that is down makes FAILED tasks within seconds
        jmx.set("Routing", "BaseDelaySeconds", 1);
        jmx.set("Routing", "MaxDelaySeconds", 2);
        jmx.set("Routing", "MaxAttempts", 2);
        browser = new Browser();
        browser.login(console, TestEnvironment.ADMIN, TestEnvironment.adminPassword());
        browser.waitForText(By.id("welcome"), "Welcome, admin");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (dest != null) {
            dest.stop();
            down.stop();
        }
        if (jmx != null) {
            jmx.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void theRoutingPageAddsARuleAndRefusesAnUnknownDestinationAndAMalformedPattern() {
        browser.open(console + "routing.xhtml");
        browser.waitForText(By.id("rules:table"), "No routing rules");

        // an unknown destination: the form says so, the dialog stays open, nothing is added
        openRuleForm();
        type("rule-form:source_input", "RP_MOD");
        choose("rule-form:key", "Patient ID (0010,0020)");
        type("rule-form:pattern", "RP*");
        type("rule-form:destination_input", "NOSUCH");
        save();
        browser.waitForText(By.id("rule-form:form-messages"), "Unknown destination AE 'NOSUCH'");
        browser.screenshot("70-routing-unknown-destination");

        // a malformed pattern (a backslash separates DICOM values)
        type("rule-form:destination_input", dest.title);
        type("rule-form:pattern", "RP\\*");
        save();
        browser.waitForText(By.id("rule-form:form-messages"), "malformed");
        browser.screenshot("71-routing-malformed-pattern");
        assertTrue(browser.driver().findElement(By.id("rules:table")).getText().contains("No routing rules"),
                "nothing added by a refused form");

        type("rule-form:pattern", "RP*");
        save();
        browser.waitForText(By.id("rules:table"), dest.title);
        String table = browser.driver().findElement(By.id("rules:table")).getText();
        assertTrue(table.contains("RP_MOD") && table.contains("Patient ID (0010,0020) matches RP*")
                && table.contains("Immediately"), table);

        // Edit: the form opens with the rule's values; a description is added
        browser.driver().findElement(By.cssSelector("[id='rules:table'] .edit-rule")).click();
        browser.waitFor(By.id("rule-form:save"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("rule-form:pattern")).getAttribute("value").equals("RP*"));
        assertEquals(dest.title, browser.driver().findElement(By.id("rule-form:destination_input")).getAttribute("value"));
        type("rule-form:description", "RP patients to the archive");
        save();
        browser.waitForText(By.id("rules:table"), "RP patients to the archive");

        // a scheduled rule, listed with its window, then deleted
        openRuleForm();
        type("rule-form:destination_input", down.title);
        click(By.cssSelector("[id='rule-form:schedule'] .ui-radiobutton-box"), 1);
        // the radio's ajax update replaces the window fields: type() waits for the new, enabled ones
        type("rule-form:windowStart", "19:00");
        type("rule-form:windowEnd", "07:00");
        save();
        browser.waitForText(By.id("rules:table"), "19:00\u201307:00");
        browser.screenshot("72-routing-rules");
        browser.driver().findElement(By.cssSelector("[id='rules:table'] tbody tr:nth-child(2) .delete-rule")).click();
        browser.waitFor(By.id("rules:confirm-yes")).click();
        browser.waitForTextGone(By.id("rules:table"), "19:00\u201307:00");
        assertTrue(browser.driver().findElement(By.id("rules:table")).getText().contains("RP*"), "the first rule stays");
    }

    @Test
    @Order(2)
    void imagesFromAMatchingSourceAreRoutedAndTheirTasksComplete() throws Exception {
        List<Path> files = TestImages.withKeys(TestImages.ct(data.resolve("images"), ROOT, IMAGES, 1, 32), "RP-1", null);
        for (Path f : files) {
            sentUids.add(Dcmtk.mediaStorageSopInstanceUid(f));
        }
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "RP_MOD", "-aec", "TESSERA", "127.0.0.1",
                Integer.toString(DICOM_PORT)));
        files.forEach(f -> command.add(f.toString()));
        Dcmtk.Result sent = Dcmtk.run(command.toArray(String[]::new));
        assertTrue(sent.ok(), sent.output());

        browser.open(console + "tasks.xhtml");
        waitForCount("COMPLETED", IMAGES);
        assertEquals(IMAGES, count("COMPLETED"));
        String table = browser.driver().findElement(By.id("tasks:table")).getText();
        assertTrue(table.contains("routing rule") && table.contains(dest.title) && table.contains("RP-1"), table);
        browser.screenshot("73-tasks-routed");
        awaitFiles(dest, IMAGES);
        assertEquals(List.copyOf(sentUids), dest.receivedUids(), "each image once at " + dest.title);
    }

    @Test
    @Order(3)
    void aStudyForwardedFromTheStudiesPageIsDelivered() {
        browser.open(console + "browse.xhtml");
        browser.waitFor(By.id("browse:patientId")).sendKeys("RP-1");
        browser.driver().findElement(By.id("browse:search")).click();
        ajaxDone();
        browser.waitForText(By.cssSelector("[id='browse:studies'] .ui-paginator-current"), "1 studies");
        click(By.cssSelector("[id='browse:studies'] tbody td.ui-selection-column .ui-chkbox-box"), 0);
        browser.waitFor(By.cssSelector("[id='browse:studies'] tbody .ui-chkbox-box.ui-state-active"));
        browser.driver().findElement(By.id("browse:forward")).click();
        browser.waitFor(By.id("forward-form:send"));
        choose("forward-form:destination", dest.title);
        browser.screenshot("74-forward-dialog");
        browser.driver().findElement(By.id("forward-form:send")).click();
        browser.waitForText(By.id("browse:forward-message"), IMAGES + " images of 1 study queued for " + dest.title);
        browser.screenshot("75-forwarded");

        browser.driver().findElement(By.id("browse:forward-tasks")).click();
        waitForCount("COMPLETED", 2 * IMAGES);
        String table = browser.driver().findElement(By.id("tasks:table")).getText();
        assertTrue(table.contains("admin"), "a Forward's task names its user: " + table);
        awaitFiles(dest, 2 * IMAGES);
        List<String> twice = new ArrayList<>();
        sentUids.forEach(u -> twice.addAll(List.of(u, u)));
        assertEquals(twice, dest.receivedUids(), "each image once more at " + dest.title);
    }

    @Test
    @Order(4)
    void aDestinationDownMakesFailedTasksWithTheirErrorAndRetryDeliversThem() throws Exception {
        // Forward from the study's page to a destination that is not listening
        browser.open(console + "browse.xhtml");
        browser.waitFor(By.id("browse:patientId")).sendKeys("RP-1");
        browser.driver().findElement(By.id("browse:search")).click();
        ajaxDone();
        browser.waitFor(By.cssSelector("[id='browse:studies'] a.study-link")).click();
        browser.waitFor(By.id("study:forward")).click();
        browser.waitFor(By.id("forward-form:send"));
        choose("forward-form:destination", down.title);
        browser.driver().findElement(By.id("forward-form:send")).click();
        browser.waitForText(By.id("study:forward-message"), IMAGES + " images of 1 study queued for " + down.title);

        browser.open(console + "tasks.xhtml");
        waitForCount("FAILED", IMAGES);
        // the dashboard's figure, and its link to the failed tasks
        browser.open(console + "index.xhtml");
        assertEquals(Integer.toString(IMAGES), browser.waitFor(By.id("failed-tasks")).getText().strip());
        browser.screenshot("76-dashboard-failed-tasks");
        browser.driver().findElement(By.id("failed-tasks-link")).click();
        browser.waitForText(By.id("tasks:table"), IMAGES + " tasks");
        String table = browser.driver().findElement(By.id("tasks:table")).getText();
        assertTrue(table.contains(down.title) && table.contains("FAILED") && !table.contains("COMPLETED"), table);
        String error = browser.driver().findElement(By.cssSelector("[id='tasks:table'] .last-error")).getText();
        assertTrue(error.contains(down.title) || error.toLowerCase().contains("connect"), "the error says why: " + error);
        browser.screenshot("77-tasks-failed");

        // the history: both attempts with their error
        browser.driver().findElement(By.cssSelector("[id='tasks:table'] .history")).click();
        browser.waitForText(By.id("attempts"), "no answer");
        List<WebElement> attempts = browser.driver().findElements(By.cssSelector("[id='attempts'] .attempt-error"));
        assertEquals(2, attempts.size(), "two failed attempts");
        assertTrue(attempts.get(0).getText().length() > 0, "an attempt's error");
        browser.screenshot("78-task-history");
        browser.driver().findElement(By.cssSelector("[id='history-dialog'] .ui-dialog-titlebar-close")).click();

        // the destination comes back: Retry one, then Retry all matching (the FAILED filter) for the others
        down.start();
        browser.driver().findElement(By.cssSelector("[id='tasks:table'] .retry")).click();
        growl("pending again");
        waitForCount("FAILED", IMAGES - 1);
        browser.driver().findElement(By.id("tasks:retry-all")).click();
        browser.waitFor(By.id("tasks:confirm-yes")).click();
        growl((IMAGES - 1) + " tasks are pending again");
        waitForCount("FAILED", 0);
        waitForCount("COMPLETED", 3 * IMAGES);
        awaitFiles(down, IMAGES);
        assertEquals(List.copyOf(sentUids), down.receivedUids(), "each image once at " + down.title);
        browser.screenshot("79-tasks-retried");

        browser.open(console + "index.xhtml");
        assertEquals("0", browser.waitFor(By.id("failed-tasks")).getText().strip());

        // the date filter (creation date, server time: this machine's zone): nothing tomorrow, everything today
        browser.open(console + "tasks.xhtml");
        browser.waitForText(By.id("tasks:table"), (3 * IMAGES) + " tasks");
        java.time.LocalDate today = java.time.LocalDate.now();
        type("tasks:from_input", today.plusDays(1).toString());
        browser.driver().findElement(By.id("tasks:search")).click();
        browser.waitForText(By.id("tasks:table"), "0 tasks");
        browser.driver().findElement(By.id("tasks:clear")).click();
        browser.waitForText(By.id("tasks:table"), (3 * IMAGES) + " tasks");
        type("tasks:from_input", today.toString());
        type("tasks:to_input", today.toString());
        browser.driver().findElement(By.id("tasks:search")).click();
        browser.waitForText(By.id("tasks:table"), (3 * IMAGES) + " tasks");
    }

    @Test
    @Order(5)
    void aWholePatientFromTheStudiesPageAndATickedSeriesFromTheStudyPageAreForwarded() throws Exception {
        // a patient with two studies of two series each (one image per series), not routed (the rule wants RP*)
        List<Path> files = TestImages.ct(data.resolve("patient"), ROOT + ".2", 4, 2, 32);
        for (int i = 0; i < files.size(); i++) {
            List<String> modify = new ArrayList<>(List.of("dcmodify", "-nb", "-m", "(0010,0020)=XP-2", "-m",
                    "(0010,0010)=Forward^Patient"));
            if (i >= 2) { // files 3 and 4: a second series in studies 1 and 2
                modify.addAll(List.of("-m", "(0020,000e)=" + ROOT + ".2.2.9" + (i - 1)));
            }
            modify.add(files.get(i).toString());
            Dcmtk.Result modified = Dcmtk.run(modify.toArray(String[]::new));
            assertTrue(modified.ok(), modified.output());
        }
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "RP_MOD", "-aec", "TESSERA", "127.0.0.1",
                Integer.toString(DICOM_PORT)));
        files.forEach(f -> command.add(f.toString()));
        Dcmtk.Result sent = Dcmtk.run(command.toArray(String[]::new));
        assertTrue(sent.ok(), sent.output());
        int before = dest.receivedUids().size();

        // Studies: one study ticked, "every study of their patient" chosen in the dialog
        browser.open(console + "browse.xhtml");
        browser.waitFor(By.id("browse:patientId")).sendKeys("XP-2");
        browser.driver().findElement(By.id("browse:search")).click();
        ajaxDone();
        browser.waitForText(By.cssSelector("[id='browse:studies'] .ui-paginator-current"), "2 studies");
        click(By.cssSelector("[id='browse:studies'] tbody td.ui-selection-column .ui-chkbox-box"), 0);
        browser.waitFor(By.cssSelector("[id='browse:studies'] tbody .ui-chkbox-box.ui-state-active"));
        browser.driver().findElement(By.id("browse:forward")).click();
        browser.waitFor(By.id("forward-form:send"));
        browser.waitForText(By.id("forward-form:level"), "every study of their 1 patient");
        click(By.cssSelector("[id='forward-form:level'] .ui-radiobutton-box"), 1);
        ajaxDone();
        choose("forward-form:destination", dest.title);
        browser.driver().findElement(By.id("forward-form:send")).click();
        browser.waitForText(By.id("browse:forward-message"), "4 images of 2 studies queued for " + dest.title);
        browser.screenshot("80-forward-patient");
        awaitFiles(dest, before + 4);
        List<String> patient = new ArrayList<>(dest.receivedUids());
        files.forEach(f -> patient.remove(Dcmtk.mediaStorageSopInstanceUid(f)));
        assertEquals(before, patient.size(), "the patient's four images, each once");

        // a study's page: one of its two series ticked
        browser.waitFor(By.cssSelector("[id='browse:studies'] a.study-link")).click();
        browser.waitFor(By.id("study:forward"));
        click(By.cssSelector("[id='study:series'] tbody td.ui-selection-column .ui-chkbox-box"), 0);
        browser.waitFor(By.cssSelector("[id='study:series'] tbody .ui-chkbox-box.ui-state-active"));
        browser.driver().findElement(By.id("study:forward")).click();
        browser.waitFor(By.id("forward-form:send"));
        choose("forward-form:destination", dest.title);
        browser.driver().findElement(By.id("forward-form:send")).click();
        browser.waitForText(By.id("study:forward-message"), "1 image of 1 study queued for " + dest.title);
        browser.screenshot("81-forward-series");
        awaitFiles(dest, before + 5);
    }

    @Test
    @Order(6)
    void aViewOnlyUserGetsNeitherForwardNorTheRoutingFormNorRetry() {
        browser.open(console + "admin/users.xhtml");
        browser.waitFor(By.id("users:add")).click();
        browser.waitFor(By.id("user-form:username")).sendKeys("rpviewer");
        browser.driver().findElement(By.id("user-form:fullName")).sendKeys("Routing Viewer");
        browser.driver().findElement(By.id("user-form:password")).sendKeys("rpviewer-1");
        browser.driver().findElement(By.id("user-form:save")).click();
        browser.waitForText(By.id("users:table"), "rpviewer");
        browser.driver().manage().deleteAllCookies();
        browser.login(console, "rpviewer", "rpviewer-1");
        browser.waitForText(By.id("welcome"), "Welcome, rpviewer");

        browser.open(console + "routing.xhtml");
        browser.waitForText(By.id("rules:table"), dest.title);
        browser.waitForText(By.id("rules:read-only"), "Modify privilege");
        assertTrue(browser.driver().findElements(By.id("rules:add")).isEmpty(), "no Add");
        assertTrue(browser.driver().findElements(By.cssSelector(".edit-rule, .delete-rule")).isEmpty(), "no Edit, Delete");

        browser.open(console + "tasks.xhtml");
        browser.waitForText(By.id("tasks:table"), (3 * IMAGES + 5) + " tasks"); // with the patient's 4 and the series' 1
        assertTrue(browser.driver().findElements(By.cssSelector("[id='tasks:table'] .retry, [id='tasks:table'] .cancel,"
                + " [id='tasks:retry-all'], [id='tasks:cancel-all']")).isEmpty(), "no Retry, Cancel");

        browser.open(console + "browse.xhtml");
        browser.waitFor(By.id("browse:studies"));
        assertTrue(browser.driver().findElements(By.id("browse:forward")).isEmpty(), "no Forward on the Studies page");
        browser.waitFor(By.cssSelector("[id='browse:studies'] a.study-link")).click();
        browser.waitFor(By.id("study:series"));
        assertTrue(browser.driver().findElements(By.id("study:forward")).isEmpty(), "no Forward on the study's page");
    }

    // ---- helpers ----

    private void openRuleForm() {
        browser.waitFor(By.id("rules:add")).click();
        browser.waitFor(By.id("rule-form:save"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("rule-form:source_input")).getAttribute("value").isEmpty());
    }

    private void save() {
        browser.driver().findElement(By.id("rule-form:save")).click();
    }

    /** Types into a field, replacing what it held; an autocomplete's suggestions or a date picker are closed again. */
    private void type(String id, String value) {
        ajaxDone(); // an ajax update may still replace the field
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id(id)).isEnabled());
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
        if (id.endsWith("_input")) {
            // an autocomplete asks for suggestions 300 ms after the last key, a date picker opens its calendar
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ajaxDone();
            // its suggestions (or "No records found.") would cover the fields below: closed as a click elsewhere does
            String widget = id.substring(0, id.length() - "_input".length());
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "var w = PrimeFaces.getWidgetById(arguments[0]); if (w && w.hide) { w.hide(); }", widget);
            By panel = By.id(widget + "_panel");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(panel).isEmpty() || !d.findElement(panel).isDisplayed());
        }
    }

    /** Waits for a growl message with this text. */
    private void growl(String text) {
        browser.waitForText(By.cssSelector(".ui-growl"), text);
    }

    /**
     * Picks an item of a PrimeFaces selectOneMenu by its label: the menu opens as for a user, the item is chosen
     * through the widget as its click handler does (a click on the opening panel is sometimes lost in headless
     * Chromium), which fires the menu's change behaviour.
     */
    private void choose(String id, String label) {
        ajaxDone();
        browser.waitFor(By.id(id)).click();
        browser.waitFor(By.cssSelector("[id='" + id + "_panel'] li[data-label='" + label + "']"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var id = arguments[0], label = arguments[1], w = PrimeFaces.getWidgetById(id);"
                        + "var o = Array.from(document.getElementById(id + '_input').options)"
                        + ".find(function (o) { return o.text === label; });"
                        + "w.selectItem(w.items.eq(o.index));", id, label);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id(id + "_label")).getText().equals(label));
        ajaxDone();
    }

    /** Waits until PrimeFaces has no ajax request queued or running. */
    private void ajaxDone() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return !!window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty()"
                        + " && (!window.jQuery || jQuery.active === 0)")));
    }

    /** Clicks the n-th element found (0-based), once it is there. */
    private void click(By by, int n) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(by).size() > n);
        WebElement e = browser.driver().findElements(by).get(n);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    /** The Tasks page's count of a state (refreshed by its poll every 3 s). */
    private long count(String state) {
        return Long.parseLong(browser.driver().findElement(By.cssSelector(".count-" + state + " .task-count-value"))
                .getText().strip());
    }

    private void waitForCount(String state, long expected) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
            try {
                return count(state) == expected;
            } catch (RuntimeException e) {
                return false; // the poll re-rendered it meanwhile
            }
        });
    }

    private static void awaitFiles(Dcmtk.Storescp d, int files) {
        await(() -> d.receivedUids().size() >= files, "files at " + d.title + ": " + d.receivedUids().size());
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not after 30 s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
