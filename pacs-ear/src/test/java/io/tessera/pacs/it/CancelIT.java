package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.AssociationSettings;
import io.tessera.dicom.net.Connector;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.dimse.DataWriter;
import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * C-CANCEL of long operations (issue 6, "C-CANCEL of a long C-FIND and of a 5,000-instance C-MOVE stops within 1 s
 * with FE00"; PS3.7 §9.1.2.1, §9.1.4.1; 001 §3.4.2.3): one study of 5,000 small CT images is stored; a C-MOVE of it
 * to a dcmtk storescp and an image-level C-FIND of it (5,000 matches) are canceled after their first pending
 * responses. The final FE00 must come within 1 s of the C-CANCEL, with sub-operation counts that add up to 5,000 and
 * a Failed SOP Instance UID List naming exactly the instances that did not arrive; dcmtk's movescu and findscu
 * --cancel get FE00 too. The 1 s is measured with the project's SCU (it knows when it sent the C-CANCEL); the dcmtk
 * runs prove a third party's C-CANCEL is understood. H2 only (the protocol, not the index; pacs-ear/pom.xml); port
 * offset 2000 (management 11990), DICOM 13112.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancelIT {
    static final int OFFSET = 2000;
    static final int DICOM_PORT = 13112;
    static final String ROOT = "1.2.826.0.1.3680043.10.2000";
    static final String STUDY = ROOT + ".1.1";
    static final int INSTANCES = 5000;
    /** The C-CANCEL goes after this many pending responses: early, so most of the work is still to do. */
    static final int CANCEL_AFTER = 20;

    private Path data;
    private PacsServerProcess server;
    private ManagementClient jmx;
    private Process storescp;
    private Path received;
    private final Set<String> all = new TreeSet<>();

    @BeforeAll
    void start() throws Exception {
        data = TestEnvironment.dataDir().resolveSibling("cancel-it");
        PostgreSqlServer.deleteTree(data);
        Files.createDirectories(data);
        ManagementClient.addUser(data);
        server = new PacsServerProcess(data, OFFSET, DICOM_PORT);
        server.start();
        jmx = ManagementClient.connect(OFFSET);
        for (String ae : List.of("MODALITY", "MOVESCU", "FINDSCU")) {
            jmx.addOrUpdateAe(ae, 0, true, null);
        }

        // 5,000 8×8 CT images (about 700 bytes each) in one study, stored over four associations at once
        List<Path> files = TestImages.ct(data.resolve("images"), ROOT, INSTANCES, 1, 8);
        for (int n = 1; n <= INSTANCES; n++) {
            all.add(ROOT + ".3." + n);
        }
        long t0 = System.nanoTime();
        storeOverAssociations(files, 4);
        System.out.printf("CancelIT: %d images stored in %d ms%n", INSTANCES, (System.nanoTime() - t0) / 1_000_000);

        received = data.resolve("received");
        Files.createDirectories(received);
        int port = Dcmtk.freePort();
        storescp = Dcmtk.start(data.resolve("storescp.log"), "storescp", "-od", received.toString(), "-aet", "CANCELSCP",
                Integer.toString(port));
        Dcmtk.awaitPort(port, storescp);
        jmx.addOrUpdateAe("CANCELSCP", port, true, null);
    }

    @AfterAll
    void stop() throws Exception {
        if (storescp != null) {
            storescp.destroy();
            storescp.waitFor();
        }
        if (jmx != null) {
            jmx.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aCancelOfA5000InstanceMoveAnswersFe00WithinOneSecondAndListsWhatWasNotSent() throws Exception {
        clear(received);
        AtomicLong canceledAt = new AtomicLong();
        AtomicInteger pending = new AtomicInteger();
        DimseResponse rsp;
        try (Scu scu = open("MOVESCU", UID.MOVEStudyRootQueryRetrieveInformationModel)) {
            int pc = scu.presentationContext(UID.MOVEStudyRootQueryRetrieveInformationModel);
            int messageId = scu.nextMessageId();
            rsp = scu.invoke(pc, Commands.cMoveRq(messageId, UID.MOVEStudyRootQueryRetrieveInformationModel,
                    Dimse.PRIORITY_MEDIUM, "CANCELSCP"), DataWriter.of(study()), p -> {
                        if (pending.incrementAndGet() == CANCEL_AFTER) {
                            canceledAt.set(System.nanoTime());
                            cancel(scu, pc, messageId);
                        }
                    });
        }
        long millis = (System.nanoTime() - canceledAt.get()) / 1_000_000;
        System.out.printf("CancelIT: C-MOVE of %d canceled after %d pending responses: FE00 %d ms after the C-CANCEL,"
                + " %d completed, %d remaining%n", INSTANCES, CANCEL_AFTER, millis, rsp.completed(), rsp.remaining());
        assertTrue(canceledAt.get() != 0, "a C-CANCEL was sent: " + pending.get() + " pending responses");
        assertEquals(Status.CANCEL, rsp.status(), rsp.toString());
        assertTrue(millis < 1000, "FE00 " + millis + " ms after the C-CANCEL");
        int remaining = rsp.remaining();
        assertTrue(remaining > 0 && remaining <= INSTANCES - CANCEL_AFTER, rsp.command().toString());
        assertEquals(INSTANCES, rsp.completed() + rsp.failed() + rsp.warning() + remaining, rsp.command().toString());
        assertEquals(0, rsp.failed(), rsp.command().toString());

        // PS3.4 C.4.2.1.3.1: the Failed SOP Instance UID List names what the destination still lacks — exactly what
        // did not arrive at storescp, and together with what did, the whole study
        Set<String> notSent = new TreeSet<>(Arrays.asList(rsp.dataSet().getStrings(Tag.FailedSOPInstanceUIDList)));
        assertEquals(remaining + rsp.failed(), notSent.size(), "one UID per instance not sent");
        Set<String> arrived = awaitArrived(rsp.completed() + rsp.warning());
        assertEquals(rsp.completed() + rsp.warning(), arrived.size(), "every completed sub-operation arrived");
        Set<String> overlap = new HashSet<>(arrived);
        overlap.retainAll(notSent);
        assertTrue(overlap.isEmpty(), "listed as not sent but arrived: " + overlap);
        Set<String> union = new TreeSet<>(arrived);
        union.addAll(notSent);
        assertEquals(all, union, "what arrived and what is listed as not sent make up the study");
    }

    @Test
    void movescuCancelOfThe5000InstanceMoveGetsFe00WithCountsThatAddUp() throws Exception {
        clear(received);
        Dcmtk.Result r = Dcmtk.run("movescu", "-d", "-S", "--cancel", Integer.toString(CANCEL_AFTER), "-aet", "MOVESCU",
                "-aec", "TESSERA", "-aem", "CANCELSCP", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY,
                "127.0.0.1", Integer.toString(DICOM_PORT));
        String out = r.output();
        assertEquals("0xfe00", last(STATUS, out), out.length() > 4000 ? out.substring(out.length() - 4000) : out);
        int remaining = Integer.parseInt(last(REMAINING, out));
        int completed = Integer.parseInt(last(COMPLETED, out));
        int failed = Integer.parseInt(last(FAILED, out));
        int warning = Integer.parseInt(last(WARNING, out));
        assertTrue(remaining > 0, "canceled with " + remaining + " remaining");
        assertEquals(INSTANCES, remaining + completed + failed + warning);
        assertEquals(completed + warning, awaitArrived(completed + warning).size());
    }

    @Test
    void aCancelOfALongFindAnswersFe00WithinOneSecond() throws Exception {
        AtomicLong canceledAt = new AtomicLong();
        AtomicInteger matches = new AtomicInteger();
        DimseResponse last;
        try (Scu scu = open("FINDSCU", UID.FINDStudyRootQueryRetrieveInformationModel)) {
            int pc = scu.presentationContext(UID.FINDStudyRootQueryRetrieveInformationModel);
            Attributes keys = study();
            keys.setString(Tag.QueryRetrieveLevel, VR.CS, "IMAGE");
            keys.setNull(Tag.SOPInstanceUID, VR.UI);
            keys.setNull(Tag.InstanceNumber, VR.IS);
            last = scu.find(UID.FINDStudyRootQueryRetrieveInformationModel, keys, m -> {
                if (matches.incrementAndGet() == CANCEL_AFTER) {
                    canceledAt.set(System.nanoTime());
                    cancel(scu, pc, m.messageIdBeingRespondedTo());
                }
            });
        }
        long millis = (System.nanoTime() - canceledAt.get()) / 1_000_000;
        System.out.printf("CancelIT: image-level C-FIND of %d matches canceled after %d: FE00 %d ms after the"
                + " C-CANCEL, %d matches received%n", INSTANCES, CANCEL_AFTER, millis, matches.get());
        assertTrue(canceledAt.get() != 0, "a C-CANCEL was sent");
        assertEquals(Status.CANCEL, last.status(), last.toString());
        assertTrue(millis < 1000, "FE00 " + millis + " ms after the C-CANCEL");
        assertTrue(matches.get() >= CANCEL_AFTER && matches.get() < INSTANCES, matches.get() + " matches");
    }

    @Test
    void findscuCancelOfTheLongFindGetsFe00() throws IOException {
        // -X: findscu writes each match to a file, so the files count the matches that came before the FE00
        Path out = Files.createDirectories(data.resolve("find-cancel"));
        Dcmtk.Result r = Dcmtk.run("findscu", "-v", "-S", "-aet", "FINDSCU", "-aec", "TESSERA", "--cancel",
                Integer.toString(CANCEL_AFTER), "-X", "-od", out.toString(), "-k", "0008,0052=IMAGE",
                "-k", "0020,000d=" + STUDY, "-k", "0008,0018", "127.0.0.1", Integer.toString(DICOM_PORT));
        String output = r.output();
        assertTrue(output.contains("Received Final Find Response (Cancel"),
                output.length() > 4000 ? output.substring(output.length() - 4000) : output);
        long matches;
        try (Stream<Path> files = Files.list(out)) {
            matches = files.count();
        }
        assertTrue(matches >= CANCEL_AFTER && matches < INSTANCES, matches + " matches before the cancel took effect");
    }

    // ---- helpers ----

    private static final Pattern STATUS = Pattern.compile("DIMSE Status\\s*:\\s*(0x[0-9a-fA-F]{4})");
    private static final Pattern REMAINING = Pattern.compile("Remaining Suboperations\\s*:\\s*(\\d+)");
    private static final Pattern COMPLETED = Pattern.compile("Completed Suboperations\\s*:\\s*(\\d+)");
    private static final Pattern FAILED = Pattern.compile("Failed Suboperations\\s*:\\s*(\\d+)");
    private static final Pattern WARNING = Pattern.compile("Warning Suboperations\\s*:\\s*(\\d+)");

    /** The last value {@code p} finds in movescu's -d output: the final response's. */
    private static String last(Pattern p, String output) {
        Matcher m = p.matcher(output);
        String last = null;
        while (m.find()) {
            last = m.group(1).toLowerCase();
        }
        assertTrue(last != null, p + " not in movescu's output");
        return last;
    }

    private static void cancel(Scu scu, int pc, int messageId) {
        try {
            scu.cancel(pc, messageId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Attributes study() {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        return keys;
    }

    private static Scu open(String callingAe, String sopClass) throws IOException {
        AAssociateRq rq = new AAssociateRq();
        rq.callingAeTitle(callingAe);
        rq.calledAeTitle("TESSERA");
        rq.addPresentationContext(sopClass, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
        return Scu.open(new Connector(new AssociationSettings(), null), "127.0.0.1", DICOM_PORT, rq);
    }

    /** storescu over {@code associations} associations at once, each with its share of the files. */
    private void storeOverAssociations(List<Path> files, int associations) throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int a = 0; a < associations; a++) {
            List<String> command = new ArrayList<>(List.of("storescu", "-aet", "MODALITY", "-aec", "TESSERA",
                    "127.0.0.1", Integer.toString(DICOM_PORT)));
            for (int i = a; i < files.size(); i += associations) {
                command.add(files.get(i).toString());
            }
            processes.add(Dcmtk.start(data.resolve("storescu-" + a + ".log"), command.toArray(String[]::new)));
        }
        for (int a = 0; a < associations; a++) {
            Process p = processes.get(a);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "storescu " + a + " did not finish in 300 s");
            assertEquals(0, p.exitValue(), Files.readString(data.resolve("storescu-" + a + ".log")));
        }
    }

    /** The SOP Instance UIDs storescp wrote (files named {@code CT.<uid>}), once {@code expected} are there. */
    private Set<String> awaitArrived(int expected) throws IOException, InterruptedException {
        // storescp writes a file after answering its C-STORE: give it a moment for the last one
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Set<String> uids = arrived();
        while (uids.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            uids = arrived();
        }
        Thread.sleep(200);
        return arrived();
    }

    private Set<String> arrived() throws IOException {
        try (Stream<Path> files = Files.list(received)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("CT."))
                    .map(n -> n.substring(3)).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }
}
