package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.io.DicomInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Automatic routing and auto purge (issue 7) with dcmtk's storescp as the destinations (bit-preserving, unique file
 * names, so an instance delivered twice shows as two files): rules by source AE, by Patient ID pattern and by
 * Referring Physician pattern; two rules to two destinations; a destination down while 200 instances arrive; a
 * schedule window opened by moving the routing clock (the server runs with -Dtessera.test.clock=true); auto purge
 * only once every destination has the study; and rules refused over JMX for an unknown destination or a malformed
 * pattern. H2; port offset 1200 (management 11190), DICOM 12312.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingIT {
    static final int OFFSET = 1200;
    static final int DICOM_PORT = 12312;
    static final String ROOT = "1.2.826.0.1.3680043.10.1200";

    private Path data;
    private PacsServerProcess server;
    private ManagementClient jmx;
    private final Map<String, Dcmtk.Storescp> destinations = new LinkedHashMap<>();
    /** SOP Instance UID → the file we sent. */
    private final Map<String, Path> sent = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        data = TestEnvironment.dataDir().resolveSibling("routing-it");
        PostgreSqlServer.deleteTree(data);
        Files.createDirectories(data);
        ManagementClient.addUser(data);
        server = new PacsServerProcess(data, OFFSET, DICOM_PORT).withServerArguments("-Dtessera.test.clock=true");
        server.start();
        jmx = ManagementClient.connect(OFFSET);
        for (String modality : List.of("MODSRC", "MODOTHER", "MODKEYS", "MODDOWN", "MODLATER", "MODPURGE")) {
            jmx.addOrUpdateAe(modality, 0, true, null);
        }
        for (String title : List.of("DEST_A", "DEST_B", "DEST_C", "DEST_D")) {
            Dcmtk.Storescp d = new Dcmtk.Storescp(title, data);
            destinations.put(title, d);
            jmx.addOrUpdateAe(title, d.port, false, null);
        }
        destinations.get("DEST_A").start();
        destinations.get("DEST_B").start();
        // fast retries for the tests: 1 s, 2 s, then every 2 s
        jmx.set("Routing", "BaseDelaySeconds", 1);
        jmx.set("Routing", "MaxDelaySeconds", 2);
        jmx.set("Routing", "MaxAttempts", 100);
    }

    @AfterAll
    void stop() throws Exception {
        for (Dcmtk.Storescp d : destinations.values()) {
            d.stop();
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
    void rulesWithAnUnknownDestinationOrAMalformedPatternAreRefusedWithTheReason() throws Exception {
        String unknown = refusal("", "NONE", "", "NOWHERE", "", "", false);
        assertTrue(unknown.contains("Unknown destination AE 'NOWHERE'"), unknown);
        String malformed = refusal("", "PATIENT_ID", "CT\\1", "DEST_A", "", "", false);
        assertTrue(malformed.contains("malformed"), malformed);
        String missing = refusal("", "PATIENT_ID", "", "DEST_A", "", "", false);
        assertTrue(missing.contains("Give a pattern"), missing);
        String window = refusal("", "NONE", "", "DEST_A", "19:00", "", false);
        assertTrue(window.contains("both a start and an end"), window);
        String key = refusal("", "ACCESSION", "X*", "DEST_A", "", "", false);
        assertTrue(key.contains("is not one of"), key);
        assertEquals(0, rules().length, "nothing was added");
    }

    @Test
    @Order(2)
    void aRuleBySourceAeRoutesOnlyThatAesImagesByteIdentical() throws Exception {
        long rule = addRule("MODSRC", "NONE", "", "DEST_A", "", "", false);
        List<Path> mine = images(21, 3, "SRC-1", null);
        List<Path> others = images(22, 2, "OTHER-1", null);
        send("MODSRC", mine);
        send("MODOTHER", others);
        Dcmtk.Storescp a = destinations.get("DEST_A");
        await(() -> a.filesByUid().keySet().containsAll(uids(mine)), 30, "DEST_A receives MODSRC's images");
        awaitNoOpenTasks();
        Map<String, List<Path>> received = a.filesByUid();
        assertEquals(uids(mine), new TreeSet<>(received.keySet()), "only MODSRC's images, not MODOTHER's");
        assertSameDataSets(received);
        deleteRule(rule);
    }

    @Test
    @Order(3)
    void rulesByPatientIdAndReferringPhysicianPatternsRouteOnlyMatchingImagesAndTwoRulesDeliverToBoth()
            throws Exception {
        long ct = addRule("", "PATIENT_ID", "CT*", "DEST_A", "", "", false);
        long q123 = addRule("", "PATIENT_ID", "?123*", "DEST_B", "", "", false);
        long house = addRule("", "REFERRING_PHYSICIAN_NAME", "House*", "DEST_B", "", "", false);
        Dcmtk.Storescp a = destinations.get("DEST_A");
        Dcmtk.Storescp b = destinations.get("DEST_B");
        Set<String> beforeA = a.filesByUid().keySet();
        Set<String> beforeB = b.filesByUid().keySet();
        List<Path> both = images(31, 3, "CT100", "House^Gregory");      // CT* → A, House* → B
        List<Path> onlyB = images(32, 2, "A1234", "Wilson^James");     // ?123* → B
        List<Path> twiceB = images(33, 2, "X123", "HOUSE^Lisa");       // ?123* and House* → B, once
        List<Path> none = images(34, 2, "MR5", "Cuddy^Lisa");           // no rule
        List<Path> caseMiss = images(35, 1, "ct200", null);             // Patient ID matches with case: no rule
        for (List<Path> group : List.of(both, onlyB, twiceB, none, caseMiss)) {
            send("MODKEYS", group);
        }
        Set<String> expectA = uids(both);
        Set<String> expectB = new TreeSet<>(uids(both));
        expectB.addAll(uids(onlyB));
        expectB.addAll(uids(twiceB));
        await(() -> newUids(a, beforeA).containsAll(expectA) && newUids(b, beforeB).containsAll(expectB), 30,
                "the matching images reach DEST_A and DEST_B");
        awaitNoOpenTasks();
        assertEquals(expectA, newUids(a, beforeA), "DEST_A: Patient ID CT* only");
        assertEquals(expectB, newUids(b, beforeB), "DEST_B: ?123* and House*");
        for (String uid : uids(twiceB)) {
            assertEquals(1, b.filesByUid().get(uid).size(), "two rules to one destination deliver once: " + uid);
        }
        assertSameDataSets(a.filesByUid());
        assertSameDataSets(b.filesByUid());
        deleteRule(ct);
        deleteRule(q123);
        deleteRule(house);
    }

    @Test
    @Order(4)
    void aDestinationDownWhile200ImagesArriveGetsEveryOneOnceWhenItReturns() throws Exception {
        long rule = addRule("MODDOWN", "NONE", "", "DEST_C", "", "", false);
        Dcmtk.Storescp c = destinations.get("DEST_C");
        List<Path> files = TestImages.ct(data.resolve("images-down"), ROOT + ".4", 200, 2, 16);
        files.forEach(f -> sent.put(uidOf(f), f));
        send("MODDOWN", files);
        await(() -> history("DEST_C").stream().filter(l -> l.contains("attempt(s)") && !l.contains(" 0 attempt(s)"))
                .count() >= 200, 60, "every task to DEST_C failed at least once");
        await(() -> failedAttempts("DEST_C") >= 2, 30, "and was retried");
        c.start();
        await(() -> c.filesByUid().size() == 200 && openTasks() == 0, 90, "DEST_C receives all 200 after it returns");
        Map<String, List<Path>> received = c.filesByUid();
        assertEquals(uids(files), new TreeSet<>(received.keySet()));
        received.forEach((uid, copies) -> assertEquals(1, copies.size(), uid + " delivered " + copies.size() + " times"));
        assertSameDataSets(received);
        // the history: each task completed after failed attempts that say why
        String[] lines = tasks("COMPLETED", "DEST_C", 500);
        assertEquals(200, lines.length);
        long withFailures = Arrays.stream(lines).filter(l -> l.contains("last error: Cannot reach DEST_C")).count();
        assertEquals(200, withFailures, String.join("\n", Arrays.copyOf(lines, 3)));
        long taskId = Long.parseLong(lines[0].split(" ")[1]);
        String[] history = (String[]) jmx.mbeans().invoke(routing(), "history", new Object[] {taskId},
                new String[] {long.class.getName()});
        assertTrue(history.length >= 3 && history[1].contains("Cannot reach DEST_C"), String.join("\n", history));
        deleteRule(rule);
    }

    @Test
    @Order(5)
    void aScheduledRuleWaitsUntilItsWindowOpens() throws Exception {
        LocalTime now = LocalTime.parse((String) jmx.get("Routing", "ClockTime"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String start = now.plusHours(2).format(hhmm);
        String end = now.plusHours(3).format(hhmm);
        long rule = addRule("MODLATER", "NONE", "", "DEST_A", start, end, false);
        Dcmtk.Storescp a = destinations.get("DEST_A");
        Set<String> before = a.filesByUid().keySet();
        List<Path> files = images(51, 3, "LATER-1", null);
        send("MODLATER", files);
        await(() -> counts().get("SCHEDULED") == 3, 30, "three tasks wait as SCHEDULED");
        Thread.sleep(3000);
        assertEquals(3L, counts().get("SCHEDULED"), "still waiting: the window " + start + "–" + end + " is closed");
        assertTrue(newUids(a, before).isEmpty(), "nothing sent before the window opens");
        jmx.mbeans().setAttribute(routing(), new javax.management.Attribute("ClockOffsetSeconds", 2 * 3600L + 90));
        try {
            await(() -> newUids(a, before).equals(uids(files)) && openTasks() == 0, 30, "sent once the window opened");
            assertEquals(0L, counts().get("SCHEDULED"));
        } finally {
            jmx.mbeans().setAttribute(routing(), new javax.management.Attribute("ClockOffsetSeconds", 0L));
        }
        deleteRule(rule);
    }

    @Test
    @Order(6)
    void autoPurgeRemovesTheStudyOnlyOnceEveryDestinationHasIt() throws Exception {
        long toA = addRule("MODPURGE", "NONE", "", "DEST_A", "", "", true);
        long toD = addRule("MODPURGE", "NONE", "", "DEST_D", "", "", true);
        Dcmtk.Storescp a = destinations.get("DEST_A");
        Dcmtk.Storescp d = destinations.get("DEST_D");
        List<Path> files = images(61, 5, "PURGE-1", null);
        String study = ROOT + ".61.1.1";
        send("MODPURGE", files);
        await(() -> a.filesByUid().keySet().containsAll(uids(files)), 30, "DEST_A has the study");
        await(() -> failedAttempts("DEST_D") >= 5, 30, "DEST_D is down: its tasks fail and wait");
        Thread.sleep(2000);
        assertEquals(5, storedFiles(study), "DEST_D does not have it: nothing is purged");
        assertEquals(1, studiesFound(study));
        d.start();
        await(() -> d.filesByUid().keySet().containsAll(uids(files)), 30, "DEST_D has it once it is back");
        await(() -> storedFiles(study) == 0, 30, "then the study's files are purged");
        assertEquals(0, studiesFound(study), "and its index rows");
        deleteRule(toA);
        deleteRule(toD);
    }

    @Test
    @Order(7)
    void aStudyForwardedOverJmxArrivesAndAnyTaskCanBeRetriedButACompletedOneNotCancelled() throws Exception {
        Dcmtk.Storescp b = destinations.get("DEST_B");
        List<Path> files = images(71, 4, "FWD-1", null);
        send("MODOTHER", files); // no rule routes MODOTHER
        String study = ROOT + ".71.1.1";
        Set<String> before = b.filesByUid().keySet();
        String queued = (String) jmx.mbeans().invoke(routing(), "forward", new Object[] {"STUDY", study, "DEST_B"},
                new String[] {String.class.getName(), String.class.getName(), String.class.getName()});
        assertTrue(queued.startsWith("4 images of 1 study queued for DEST_B"), queued);
        await(() -> newUids(b, before).equals(uids(files)) && openTasks() == 0, 30, "the forwarded study reaches DEST_B");
        assertSameDataSets(b.filesByUid());

        String[] completed = tasks("COMPLETED", "DEST_B", 1);
        long taskId = Long.parseLong(completed[0].split(" ")[1]);
        RuntimeMBeanException refused = assertThrows(RuntimeMBeanException.class, () -> jmx.mbeans().invoke(routing(),
                "cancel", new Object[] {taskId}, new String[] {long.class.getName()}));
        assertTrue(refused.getCause().getMessage().contains("completed already"), refused.getCause().getMessage());
        String uid = completed[0].split(" ")[3];
        int copies = b.filesByUid().get(uid).size();
        jmx.mbeans().invoke(routing(), "retry", new Object[] {taskId}, new String[] {long.class.getName()});
        await(() -> b.filesByUid().get(uid).size() == copies + 1 && openTasks() == 0, 30, "a retried task is sent again");
        String unknown = assertThrows(RuntimeMBeanException.class, () -> jmx.mbeans().invoke(routing(), "forward",
                new Object[] {"STUDY", study, "NOWHERE"}, new String[] {String.class.getName(), String.class.getName(),
                        String.class.getName()})).getCause().getMessage();
        assertTrue(unknown.contains("Unknown destination AE 'NOWHERE'"), unknown);
    }

    // ---- helpers ----

    /** {@code count} small CT images of one study under {@code ROOT.group}, with these key attributes. */
    private List<Path> images(int group, int count, String patientId, String referringPhysician) {
        List<Path> files = TestImages.withKeys(TestImages.ct(data.resolve("images-" + group), ROOT + "." + group, count,
                1, 16), patientId, referringPhysician);
        files.forEach(f -> sent.put(uidOf(f), f));
        return files;
    }

    private void send(String callingAe, List<Path> files) {
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", callingAe, "-aec", "TESSERA", "127.0.0.1",
                Integer.toString(DICOM_PORT)));
        files.forEach(f -> command.add(f.toString()));
        Dcmtk.Result r = Dcmtk.run(command.toArray(String[]::new));
        assertTrue(r.ok(), r.output());
    }

    private long addRule(String source, String key, String pattern, String destination, String start, String end,
                         boolean purge) throws Exception {
        return (Long) jmx.addRoutingRule(source, key, pattern, destination, start, end, purge, "RoutingIT").get("id");
    }

    private String refusal(String source, String key, String pattern, String destination, String start, String end,
                           boolean purge) {
        RuntimeMBeanException e = assertThrows(RuntimeMBeanException.class,
                () -> jmx.addRoutingRule(source, key, pattern, destination, start, end, purge, ""));
        return e.getCause().getMessage();
    }

    private void deleteRule(long id) throws Exception {
        assertEquals(Boolean.TRUE, jmx.mbeans().invoke(routing(), "deleteRule", new Object[] {id},
                new String[] {long.class.getName()}));
    }

    private CompositeData[] rules() throws Exception {
        return (CompositeData[]) jmx.get("Routing", "Rules");
    }

    private Map<String, Long> counts() {
        try {
            Map<String, Long> counts = new HashMap<>();
            for (Object row : ((TabularData) jmx.get("Routing", "TaskCounts")).values()) {
                CompositeData c = (CompositeData) row;
                counts.put((String) c.get("key"), (Long) c.get("value"));
            }
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long openTasks() {
        Map<String, Long> c = counts();
        return c.get("SCHEDULED") + c.get("PENDING") + c.get("IN_PROGRESS");
    }

    private void awaitNoOpenTasks() {
        await(() -> openTasks() == 0, 30, "no task left open");
    }

    private String[] tasks(String state, String destination, int max) {
        try {
            return (String[]) jmx.mbeans().invoke(routing(), "tasks", new Object[] {state, destination, max},
                    new String[] {String.class.getName(), String.class.getName(), int.class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> history(String destination) {
        return List.of(tasks("", destination, 500));
    }

    /** The smallest number of attempts among the destination's tasks. */
    private long failedAttempts(String destination) {
        return history(destination).stream().mapToLong(l -> {
            String[] w = l.split(" ");
            for (int i = 1; i < w.length; i++) {
                if (w[i].startsWith("attempt(s)")) {
                    return Long.parseLong(w[i - 1]);
                }
            }
            return 0;
        }).min().orElse(0);
    }

    private static ObjectName routing() throws Exception {
        return new ObjectName("io.tessera.pacs:service=Routing");
    }

    private static Set<String> uids(List<Path> files) {
        Set<String> uids = new TreeSet<>();
        files.forEach(f -> uids.add(uidOf(f)));
        return uids;
    }

    private static Set<String> newUids(Dcmtk.Storescp d, Set<String> before) {
        Set<String> now = new TreeSet<>(d.filesByUid().keySet());
        now.removeAll(before);
        return now;
    }

    private static String uidOf(Path file) {
        return Dcmtk.mediaStorageSopInstanceUid(file);
    }

    /** The data set of a Part 10 file: every byte after its File Meta Information. */
    private static byte[] dataSet(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            DicomInputStream dis = new DicomInputStream(in);
            dis.readFileMetaInformation();
            long offset = dis.position();
            byte[] all = Files.readAllBytes(file);
            return Arrays.copyOfRange(all, (int) offset, all.length);
        }
    }

    private void assertSameDataSets(Map<String, List<Path>> received) throws IOException {
        for (Map.Entry<String, List<Path>> e : received.entrySet()) {
            Path original = sent.get(e.getKey());
            assertTrue(original != null, "we sent " + e.getKey());
            for (Path copy : e.getValue()) {
                assertArrayEquals(dataSet(original), dataSet(copy), "data set of " + e.getKey() + " byte-identical");
            }
        }
    }

    /** Files of the study in the default storage area. */
    private long storedFiles(String studyUid) {
        Path dir = data.resolve("archive").resolve(studyUid);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            return 0; // being deleted
        }
    }

    /** Studies C-FIND (dcmtk findscu) finds with this Study Instance UID. */
    private int studiesFound(String studyUid) {
        Dcmtk.Result r = Dcmtk.run("findscu", "-v", "-S", "-aet", "MODPURGE", "-aec", "TESSERA", "127.0.0.1",
                Integer.toString(DICOM_PORT), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid);
        assertTrue(r.ok(), r.output());
        return (int) r.output().lines().filter(l -> l.contains("Find Response") && l.contains("Pending")).count();
    }

    private static void await(BooleanSupplier condition, int seconds, String what) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + seconds + " s: " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
