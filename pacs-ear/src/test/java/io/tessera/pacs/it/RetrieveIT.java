package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.AssociationSettings;
import io.tessera.dicom.net.Connector;
import io.tessera.dicom.net.DicomListener;
import io.tessera.dicom.net.PresentationContextPolicy;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.PolicyAcceptor;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.testkit.Corpus;
import io.tessera.dicom.testkit.Dcmdump;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * C-MOVE and C-GET SCP (issue 6) against dcmtk's movescu, getscu and a bit-preserving storescp: the dicom test kit's
 * corpus in every transfer syntax of 001 Table 23 (each file given its own SOP Instance UID, so the seven encodings
 * of one image are seven instances of one series) and a generated 50-image study are stored, then retrieved at
 * patient, study, series and image level; every instance must arrive with its data set byte-identical to the stored
 * one, in the stored transfer syntax. Also A801, a destination that is down (A702), one that refuses some
 * (B000 with the Failed SOP Instance UID List), one that takes only Implicit VR LE (converted), getscu with role
 * selection, and C-CANCEL of a move to a slow destination (FE00 within 1 s). H2, and PostgreSQL on the PostgreSQL
 * pass (ItDatabase); port offset 900 (management 10890), DICOM 12112.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetrieveIT {
    static final int OFFSET = 900;
    static final int DICOM_PORT = 12112;
    static final String ROOT = "1.2.826.0.1.3680043.10.900";
    static final String GENERATED_STUDY = ROOT + ".1.1";
    static final String GENERATED_SERIES = ROOT + ".2.1";
    static final int GENERATED = 50;

    private Path data;
    private PacsServerProcess server;
    private ManagementClient jmx;
    private Process storescp;
    private Path received;
    private Path storescpLog;
    /** Each test instance's SOP Instance UID → its corpus copy (with that UID) and header values. */
    private final Map<String, Instance> corpus = new LinkedHashMap<>();
    private final Set<String> generated = new TreeSet<>();
    /** SOP Instance UID → the file the PACS stored. */
    private Map<String, Path> stored;

    record Instance(Path file, String transferSyntax, String sopClass, String patientId, String study, String series) {
    }

    @BeforeAll
    void start() throws Exception {
        data = TestEnvironment.dataDir().resolveSibling("retrieve-it");
        PostgreSqlServer.deleteTree(data);
        Files.createDirectories(data);
        ManagementClient.addUser(data);
        server = new PacsServerProcess(data, OFFSET, DICOM_PORT);
        server.start();
        jmx = ManagementClient.connect(OFFSET);
        jmx.addOrUpdateAe("MOVESCU", 0, true, null);
        jmx.addOrUpdateAe("GETSCU", 0, true, null);
        jmx.addOrUpdateAe("MODALITY", 0, true, null);

        // the corpus, each file under a SOP Instance UID of its own
        Path copies = data.resolve("corpus");
        Files.createDirectories(copies);
        int n = 0;
        for (Corpus.Entry e : Corpus.get()) {
            if (!StorageIT.TABLE_23.contains(e.transferSyntax()) || !UID.isStorageSOPClass(e.sopClass())) {
                continue;
            }
            Map<Integer, String> v = values(e.file());
            String iuid = v.get(Tag.SOPInstanceUID) + "." + (++n);
            Path copy = copies.resolve(e.file().getFileName());
            Files.copy(e.file(), copy, StandardCopyOption.REPLACE_EXISTING);
            Dcmtk.Result r = Dcmtk.run("dcmodify", "-nb", "-m", "(0008,0018)=" + iuid, copy.toString());
            assertTrue(r.ok(), r.output());
            corpus.put(iuid, new Instance(copy, e.transferSyntax(), e.sopClass(), v.getOrDefault(Tag.PatientID, ""),
                    v.get(Tag.StudyInstanceUID), v.get(Tag.SeriesInstanceUID)));
        }
        assertEquals(Set.copyOf(StorageIT.TABLE_23), corpus.values().stream().map(Instance::transferSyntax)
                .collect(Collectors.toSet()), "the corpus covers every syntax of Table 23");
        Dcmtk.Result stored = storescu(storescuConfig(), "ALL", corpus.values().stream().map(Instance::file).toList());
        assertEquals(corpus.size(), successes(stored), stored.output());

        List<Path> images = TestImages.ct(data.resolve("generated"), ROOT, GENERATED, 1, 64);
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "MODALITY", "-aec", "TESSERA", "127.0.0.1",
                Integer.toString(DICOM_PORT)));
        images.forEach(f -> command.add(f.toString()));
        Dcmtk.Result r = Dcmtk.run(command.toArray(String[]::new));
        assertTrue(r.ok(), r.output());
        for (int i = 1; i <= GENERATED; i++) {
            generated.add(ROOT + ".3." + i);
        }
        this.stored = storedFiles();
        assertTrue(this.stored.keySet().containsAll(corpus.keySet()) && this.stored.keySet().containsAll(generated),
                "everything was stored");

        // the destination: storescp, bit-preserving, every corpus class in every Table 23 syntax
        received = data.resolve("received");
        Files.createDirectories(received);
        int port = Dcmtk.freePort();
        storescpLog = data.resolve("storescp.log");
        storescp = Dcmtk.start(storescpLog, "storescp", "--config-file", storescpConfig().toString(), "ACCEPT", "+B",
                "-od", received.toString(), "-aet", "STORESCP", Integer.toString(port));
        Dcmtk.awaitPort(port, storescp);
        jmx.addOrUpdateAe("STORESCP", port, true, null);
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

    // ---- C-MOVE with dcmtk ----

    @Test
    @Order(1)
    void movescuAtPatientLevelSendsEveryInstanceOfThePatientByteIdentical() throws Exception {
        String pid = "PID0002";
        Set<String> expected = corpusWhere(i -> i.patientId().equals(pid));
        assertTrue(expected.size() >= 3);
        String out = movescu("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=" + pid);
        assertFinalStatus(out, "0x0000");
        assertReceivedByteIdentical(expected);
    }

    @Test
    @Order(2)
    void movescuAtStudyLevelWithAUidListSendsEveryTable23Syntax() throws Exception {
        // every corpus study in one UID list: every instance of every syntax, on one sub-association
        Set<String> studies = corpus.values().stream().map(Instance::study).collect(Collectors.toCollection(TreeSet::new));
        String out = movescu("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + String.join("\\", studies));
        assertFinalStatus(out, "0x0000");
        Map<String, String> syntaxes = assertReceivedByteIdentical(corpus.keySet());
        assertEquals(Set.copyOf(StorageIT.TABLE_23), Set.copyOf(syntaxes.values()), "all of Table 23 moved");
    }

    @Test
    @Order(3)
    void movescuAtSeriesLevelSendsTheEncodingsOfOneImageEachInItsOwnSyntax() throws Exception {
        Instance ct = corpus.values().stream().filter(i -> i.file().getFileName().toString().equals("ct512.dcm"))
                .findFirst().orElseThrow();
        Set<String> expected = corpusWhere(i -> i.series().equals(ct.series()));
        String out = movescu("-S", "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + ct.study(),
                "-k", "SeriesInstanceUID=" + ct.series());
        assertFinalStatus(out, "0x0000");
        Map<String, String> syntaxes = assertReceivedByteIdentical(expected);
        assertTrue(Set.copyOf(syntaxes.values()).size() >= 6, "the CT in six syntaxes: " + syntaxes.values());
    }

    @Test
    @Order(4)
    void movescuAtImageLevelSendsTheNamedInstancesOnly() throws Exception {
        List<String> two = corpus.entrySet().stream().filter(e -> e.getValue().file().getFileName().toString()
                .startsWith("us-rgb")).map(Map.Entry::getKey).limit(2).toList();
        assertEquals(2, two.size());
        Instance first = corpus.get(two.get(0));
        String out = movescu("-P", "-k", "QueryRetrieveLevel=IMAGE", "-k", "PatientID=" + first.patientId(),
                "-k", "StudyInstanceUID=" + first.study(), "-k", "SeriesInstanceUID=" + first.series(),
                "-k", "SOPInstanceUID=" + String.join("\\", two));
        assertFinalStatus(out, "0x0000");
        assertReceivedByteIdentical(Set.copyOf(two));

        String generatedOne = ROOT + ".3.7";
        out = movescu("-S", "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + GENERATED_STUDY,
                "-k", "SeriesInstanceUID=" + GENERATED_SERIES, "-k", "SOPInstanceUID=" + generatedOne);
        assertFinalStatus(out, "0x0000");
        assertReceivedByteIdentical(Set.of(generatedOne));
    }

    @Test
    @Order(5)
    void movescuOfTheGeneratedStudySendsAllFiftyImages() throws Exception {
        long start = System.nanoTime();
        String out = movescu("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + GENERATED_STUDY);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFinalStatus(out, "0x0000");
        assertReceivedByteIdentical(generated);
        // a figure, not a test: the whole movescu run, association set-up included
        System.out.printf("RetrieveIT: C-MOVE of %d 64x64 CT images to storescp +B in %d ms (%.0f images/s)%n",
                GENERATED, millis, GENERATED * 1000.0 / millis);
    }

    @Test
    @Order(6)
    void anUnknownDestinationIsA801AndNothingIsSent() throws Exception {
        String out = Dcmtk.run("movescu", "-v", "-d", "-S", "-aet", "MOVESCU", "-aec", "TESSERA", "-aem", "NOBODY",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + GENERATED_STUDY, "127.0.0.1",
                Integer.toString(DICOM_PORT)).output();
        assertFinalStatus(out, "0xa801");
        try (Scu scu = scu("MOVESCU", UID.MOVEStudyRootQueryRetrieveInformationModel)) {
            DimseResponse rsp = scu.move(UID.MOVEStudyRootQueryRetrieveInformationModel, study(GENERATED_STUDY), "NOBODY", null);
            assertEquals(Status.MOVE_DESTINATION_UNKNOWN, rsp.status(), rsp.toString());
            assertNotNull(rsp.errorComment());
        }
    }

    @Test
    @Order(7)
    void nothingMatchingIsSuccessWithoutSubOperationsAndAnIdentifierWithoutItsLevelKeyIsA900() throws Exception {
        try (Scu scu = scu("MOVESCU", UID.MOVEStudyRootQueryRetrieveInformationModel)) {
            DimseResponse none = scu.move(UID.MOVEStudyRootQueryRetrieveInformationModel, study(ROOT + ".404"), "STORESCP", null);
            assertEquals(Status.SUCCESS, none.status(), none.toString());
            assertEquals(0, none.completed() + none.failed() + none.warning());
            Attributes noUid = new Attributes();
            noUid.setString(Tag.QueryRetrieveLevel, VR.CS, "SERIES");
            noUid.setString(Tag.StudyInstanceUID, VR.UI, GENERATED_STUDY);
            DimseResponse bad = scu.move(UID.MOVEStudyRootQueryRetrieveInformationModel, noUid, "STORESCP", null);
            assertEquals(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, bad.status(), bad.toString());
            assertTrue(bad.errorComment().contains("SERIES"), bad.errorComment());
        }
    }

    @Test
    @Order(8)
    void aDestinationThatIsDownFailsEverySubOperationWithA702() throws Exception {
        jmx.addOrUpdateAe("DOWNSCP", Dcmtk.freePort(), true, null);
        try (Scu scu = scu("MOVESCU", UID.MOVEStudyRootQueryRetrieveInformationModel)) {
            DimseResponse rsp = scu.move(UID.MOVEStudyRootQueryRetrieveInformationModel, study(GENERATED_STUDY), "DOWNSCP", null);
            assertEquals(Status.OUT_OF_RESOURCES_SUB_OPERATIONS, rsp.status(), rsp.toString());
            assertEquals(0, rsp.completed());
            assertEquals(GENERATED, rsp.failed());
            assertEquals(0, rsp.warning());
            assertEquals(generated, new TreeSet<>(Arrays.asList(rsp.dataSet().getStrings(Tag.FailedSOPInstanceUIDList))));
            assertTrue(rsp.errorComment().contains("DOWNSCP"), rsp.errorComment());
        }
    }

    @Test
    @Order(9)
    void aDestinationThatRefusesSomeGetsTheOthersAndB000ListsTheFailed() throws Exception {
        // storescp with its defaults takes only uncompressed syntaxes: the compressed CTs have no context
        Path plainDir = data.resolve("received-plain");
        Files.createDirectories(plainDir);
        int port = Dcmtk.freePort();
        Process plain = Dcmtk.start(data.resolve("storescp-plain.log"), "storescp", "+B", "-od", plainDir.toString(),
                "-aet", "PLAINSCP", Integer.toString(port));
        try {
            Dcmtk.awaitPort(port, plain);
            jmx.addOrUpdateAe("PLAINSCP", port, true, null);
            Instance ct = corpus.values().stream().filter(i -> i.file().getFileName().toString().equals("ct512.dcm"))
                    .findFirst().orElseThrow();
            Set<String> series = corpusWhere(i -> i.series().equals(ct.series()));
            Set<String> compressed = corpusWhere(i -> i.series().equals(ct.series())
                    && !i.transferSyntax().equals(UID.ImplicitVRLittleEndian) && !i.transferSyntax().equals(UID.ExplicitVRLittleEndian));
            assertTrue(compressed.size() >= 3, compressed.toString());
            List<DimseResponse> pending = new ArrayList<>();
            try (Scu scu = scu("MOVESCU", UID.MOVEStudyRootQueryRetrieveInformationModel)) {
                Attributes keys = study(ct.study());
                keys.setString(Tag.QueryRetrieveLevel, VR.CS, "SERIES");
                keys.setString(Tag.SeriesInstanceUID, VR.UI, ct.series());
                DimseResponse rsp = scu.move(UID.MOVEStudyRootQueryRetrieveInformationModel, keys, "PLAINSCP", pending::add);
                assertEquals(Status.SUB_OPERATIONS_COMPLETE_WITH_FAILURES, rsp.status(), rsp.toString());
                assertEquals(series.size() - compressed.size(), rsp.completed());
                assertEquals(compressed.size(), rsp.failed());
                assertEquals(compressed, new TreeSet<>(Arrays.asList(rsp.dataSet().getStrings(Tag.FailedSOPInstanceUIDList))));
            }
            assertEquals(series.size() - 1, pending.size(), "a pending response after each sub-operation but the last");
            for (int i = 0; i < pending.size(); i++) {
                DimseResponse p = pending.get(i);
                assertEquals(series.size() - i - 1, p.remaining());
                assertEquals(i + 1, p.completed() + p.failed() + p.warning());
            }
            try (Stream<Path> files = Files.list(plainDir)) {
                assertEquals(series.size() - compressed.size(), files.count());
            }
        } finally {
            plain.destroy();
            plain.waitFor();
        }
    }

    @Test
    @Order(10)
    void aDestinationThatTakesOnlyImplicitVrGetsExplicitVrImagesConverted() throws Exception {
        Path implicitDir = data.resolve("received-implicit");
        Files.createDirectories(implicitDir);
        int port = Dcmtk.freePort();
        Process implicit = Dcmtk.start(data.resolve("storescp-implicit.log"), "storescp", "+xi", "+B", "-od",
                implicitDir.toString(), "-aet", "IMPLICITSCP", Integer.toString(port));
        try {
            Dcmtk.awaitPort(port, implicit);
            jmx.addOrUpdateAe("IMPLICITSCP", port, true, null);
            String iuid = ROOT + ".3.9";
            String out = Dcmtk.run("movescu", "-d", "-S", "-aet", "MOVESCU", "-aec", "TESSERA", "-aem", "IMPLICITSCP",
                    "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + GENERATED_STUDY,
                    "-k", "SeriesInstanceUID=" + GENERATED_SERIES, "-k", "SOPInstanceUID=" + iuid,
                    "127.0.0.1", Integer.toString(DICOM_PORT)).output();
            assertFinalStatus(out, "0x0000");
            Path file;
            try (Stream<Path> files = Files.list(implicitDir)) {
                file = files.filter(p -> p.getFileName().toString().endsWith(iuid)).findFirst().orElseThrow();
            }
            assertEquals(UID.ImplicitVRLittleEndian, meta(file).getString(Tag.TransferSyntaxUID));
            assertEquals(elements(stored.get(iuid)), elements(file), "same elements, same values");
        } finally {
            implicit.destroy();
            implicit.waitFor();
        }
    }

    // ---- C-GET with dcmtk ----

    @Test
    @Order(11)
    void getscuRetrievesAStudyOnItsOwnAssociationByteIdentical() throws Exception {
        Path getDir = data.resolve("received-get");
        Files.createDirectories(getDir);
        Dcmtk.Result r = Dcmtk.run("getscu", "-d", "-S", "+B", "-aet", "GETSCU", "-aec", "TESSERA", "-od", getDir.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + GENERATED_STUDY, "127.0.0.1",
                Integer.toString(DICOM_PORT));
        assertTrue(r.ok(), r.output());
        assertFinalStatus(r.output(), "0x0000");
        assertByteIdentical(getDir, generated);
    }

    // ---- C-CANCEL ----

    @Test
    @Order(12)
    void aCancelStopsAMoveToASlowDestinationWithFe00WithinOneSecond() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        AtomicInteger stores = new AtomicInteger();
        PresentationContextPolicy policy = new PresentationContextPolicy()
                .accept(UID.CTImageStorage, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
        // a destination that takes 100 ms per image
        try (DicomListener slow = new DicomListener(new AssociationSettings(), new PolicyAcceptor(policy, (rq, rsp) -> {
            rq.data().transferTo(java.io.OutputStream.nullOutputStream());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stores.incrementAndGet();
            rsp.respond(Status.SUCCESS);
        }, threads, null), threads).port(0)) {
            slow.start();
            jmx.addOrUpdateAe("SLOWSCP", slow.port(), true, null);
            AtomicLong canceledAt = new AtomicLong();
            DimseResponse rsp;
            try (Scu scu = scu("MOVESCU", UID.MOVEStudyRootQueryRetrieveInformationModel)) {
                int pc = scu.presentationContext(UID.MOVEStudyRootQueryRetrieveInformationModel);
                int messageId = scu.nextMessageId();
                rsp = scu.invoke(pc, io.tessera.dicom.net.dimse.Commands.cMoveRq(messageId,
                                UID.MOVEStudyRootQueryRetrieveInformationModel, 0, "SLOWSCP"),
                        io.tessera.dicom.net.dimse.DataWriter.of(study(GENERATED_STUDY)), p -> {
                            if (p.completed() == 3 && canceledAt.get() == 0) {
                                canceledAt.set(System.nanoTime());
                                try {
                                    scu.cancel(pc, messageId);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                        });
            }
            long millis = (System.nanoTime() - canceledAt.get()) / 1_000_000;
            assertTrue(canceledAt.get() != 0, "a C-CANCEL was sent");
            assertEquals(Status.CANCEL, rsp.status(), rsp.toString());
            assertTrue(millis < 1000, "FE00 " + millis + " ms after the C-CANCEL");
            int remaining = rsp.remaining();
            assertTrue(remaining > 0 && remaining <= GENERATED - 3, rsp.command().toString());
            assertEquals(GENERATED, remaining + rsp.completed() + rsp.failed() + rsp.warning());
            assertEquals(0, rsp.failed());
            assertEquals(remaining, rsp.dataSet().getStrings(Tag.FailedSOPInstanceUIDList).length,
                    "the instances not sent are listed");
            assertEquals(rsp.completed(), stores.get());

            // dcmtk's movescu cancels after its third response: FE00 as well
            String out = Dcmtk.run("movescu", "-d", "-S", "--cancel", "3", "-aet", "MOVESCU", "-aec", "TESSERA",
                    "-aem", "SLOWSCP", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + GENERATED_STUDY,
                    "127.0.0.1", Integer.toString(DICOM_PORT)).output();
            assertFinalStatus(out, "0xfe00");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @Order(13)
    void getscuOfASeriesItCannotTakeWhollyGetsWhatItProposedAndB000ForTheRest() throws Exception {
        // getscu proposes each storage class once, with uncompressed syntaxes: the compressed CTs have no context
        Instance ct = corpus.values().stream().filter(i -> i.file().getFileName().toString().equals("ct512.dcm"))
                .findFirst().orElseThrow();
        Path getDir = data.resolve("received-get-series");
        Files.createDirectories(getDir);
        Dcmtk.Result r = Dcmtk.run("getscu", "-d", "-S", "+B", "-aet", "GETSCU", "-aec", "TESSERA", "-od",
                getDir.toString(), "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + ct.study(),
                "-k", "SeriesInstanceUID=" + ct.series(), "127.0.0.1", Integer.toString(DICOM_PORT));
        assertFinalStatus(r.output(), "0xb000");
        Set<String> compressed = corpusWhere(i -> i.series().equals(ct.series())
                && !i.transferSyntax().equals(UID.ImplicitVRLittleEndian) && !i.transferSyntax().equals(UID.ExplicitVRLittleEndian));
        Set<String> arrived;
        try (Stream<Path> files = Files.list(getDir)) {
            arrived = files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
        assertTrue(!arrived.isEmpty(), r.output());
        assertTrue(compressed.stream().noneMatch(u -> arrived.stream().anyMatch(a -> a.endsWith(u))), arrived.toString());
        Set<String> uids = arrivedUids(getDir);
        assertTrue(corpusWhere(i -> i.series().equals(ct.series())).containsAll(uids), uids.toString());
        assertByteIdentical(getDir, uids);
    }

    private static Set<String> arrivedUids(Path dir) throws IOException {
        Set<String> uids = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                uids.add(meta(f).getString(Tag.MediaStorageSOPInstanceUID));
            }
        }
        return uids;
    }

    // ---- helpers ----

    private Set<String> corpusWhere(java.util.function.Predicate<Instance> filter) {
        return corpus.entrySet().stream().filter(e -> filter.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Attributes study(String studyUid) {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        return keys;
    }

    private static Scu scu(String callingAe, String sopClass) throws IOException {
        AAssociateRq rq = new AAssociateRq();
        rq.callingAeTitle(callingAe);
        rq.calledAeTitle("TESSERA");
        rq.addPresentationContext(sopClass, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
        return Scu.open(new Connector(new AssociationSettings(), null), "127.0.0.1", DICOM_PORT, rq);
    }

    /** movescu to STORESCP into a cleared receive directory; returns its output. */
    private String movescu(String... args) throws IOException {
        clear(received);
        List<String> command = new ArrayList<>(List.of("movescu", "-v", "-d", "-aet", "MOVESCU", "-aec", "TESSERA",
                "-aem", "STORESCP"));
        command.addAll(List.of(args));
        command.addAll(List.of("127.0.0.1", Integer.toString(DICOM_PORT)));
        Dcmtk.Result r = Dcmtk.run(command.toArray(String[]::new));
        assertTrue(r.ok(), r.output());
        return r.output();
    }

    private static final Pattern FINAL_STATUS = Pattern.compile("DIMSE Status\\s*:\\s*(0x[0-9a-fA-F]{4})");

    /** The last DIMSE status movescu/getscu printed (-d) is the final response's. */
    private static void assertFinalStatus(String output, String status) {
        Matcher m = FINAL_STATUS.matcher(output);
        String last = null;
        while (m.find()) {
            last = m.group(1).toLowerCase();
        }
        assertEquals(status, last, output);
    }

    /** What arrived at storescp is exactly {@code expected}; returns SOP Instance UID → transfer syntax. */
    private Map<String, String> assertReceivedByteIdentical(Set<String> expected) throws IOException {
        // storescp writes the file after answering: give it a moment to finish the last one
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (count(received) < expected.size() && System.nanoTime() < deadline) {
            sleep(100);
        }
        sleep(200);
        return assertByteIdentical(received, expected);
    }

    private Map<String, String> assertByteIdentical(Path dir, Set<String> expected) throws IOException {
        Map<String, String> syntaxes = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Attributes fmi = meta(f);
                String iuid = fmi.getString(Tag.MediaStorageSOPInstanceUID);
                Path ours = stored.get(iuid);
                assertNotNull(ours, "received " + f + " which we did not store");
                assertEquals(meta(ours).getString(Tag.TransferSyntaxUID), fmi.getString(Tag.TransferSyntaxUID),
                        iuid + " in its stored transfer syntax");
                assertArrayEquals(StorageIT.dataSet(ours), StorageIT.dataSet(f), iuid + " byte-identical");
                syntaxes.put(iuid, fmi.getString(Tag.TransferSyntaxUID));
            }
        }
        assertEquals(expected, new TreeSet<>(syntaxes.keySet()), "the instances that arrived");
        return syntaxes;
    }

    private static Attributes meta(Path part10) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(part10))) {
            return new DicomInputStream(in).readFileMetaInformation();
        }
    }

    /** dcmdump's view of the data set: tag → value, for comparing two encodings of the same content. */
    private static Map<Integer, String> elements(Path file) {
        return Dcmdump.of(file).dataset().stream().filter(e -> e.value() != null)
                .collect(Collectors.toMap(Dcmdump.Element::tag, Dcmdump.Element::value, (a, b) -> a, java.util.TreeMap::new));
    }

    private static Map<Integer, String> values(Path file) {
        return elements(file);
    }

    /** SOP Instance UID → stored file, from the archive's names ({@code <iuid>.<receipt>.dcm}). */
    private Map<String, Path> storedFiles() throws IOException {
        Map<String, Path> m = new HashMap<>();
        try (Stream<Path> files = Files.walk(server.dataDir().resolve("archive"))) {
            files.filter(p -> p.getFileName().toString().endsWith(".dcm") && !p.toString().contains("/.incoming/"))
                    .forEach(p -> {
                        String name = p.getFileName().toString();
                        String withoutSuffix = name.substring(0, name.length() - ".dcm".length());
                        m.put(withoutSuffix.substring(0, withoutSuffix.lastIndexOf('.')), p);
                    });
        }
        return m;
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** As StorageIT's: one storescu profile "ALL" proposing each (class, syntax) of the corpus as its own context. */
    private Path storescuConfig() throws IOException {
        List<String> tss = corpus.values().stream().map(Instance::transferSyntax).distinct().toList();
        StringBuilder cfg = new StringBuilder("[[TransferSyntaxes]]\n");
        for (int i = 0; i < tss.size(); i++) {
            cfg.append("[TS").append(i + 1).append("]\nTransferSyntax1 = ").append(tss.get(i)).append('\n');
        }
        cfg.append("[[PresentationContexts]]\n[PC-ALL]\n");
        List<String> pcs = corpus.values().stream().map(i -> i.sopClass() + "\\TS" + (tss.indexOf(i.transferSyntax()) + 1))
                .distinct().toList();
        for (int n = 0; n < pcs.size(); n++) {
            cfg.append("PresentationContext").append(n + 1).append(" = ").append(pcs.get(n)).append('\n');
        }
        cfg.append("[[Profiles]]\n[ALL]\nPresentationContexts = PC-ALL\n");
        Path file = data.resolve("storescu.cfg");
        Files.writeString(file, cfg);
        return file;
    }

    /** storescp's side: every corpus storage class (and CT) with every syntax of Table 23. */
    private Path storescpConfig() throws IOException {
        StringBuilder cfg = new StringBuilder("[[TransferSyntaxes]]\n[ALLTS]\n");
        for (int i = 0; i < StorageIT.TABLE_23.size(); i++) {
            cfg.append("TransferSyntax").append(i + 1).append(" = ").append(StorageIT.TABLE_23.get(i)).append('\n');
        }
        cfg.append("[[PresentationContexts]]\n[PCS]\n");
        List<String> classes = Stream.concat(Stream.of(UID.CTImageStorage), corpus.values().stream().map(Instance::sopClass))
                .distinct().toList();
        for (int n = 0; n < classes.size(); n++) {
            cfg.append("PresentationContext").append(n + 1).append(" = ").append(classes.get(n)).append("\\ALLTS\n");
        }
        cfg.append("[[Profiles]]\n[ACCEPT]\nPresentationContexts = PCS\n");
        Path file = data.resolve("storescp.cfg");
        Files.writeString(file, cfg);
        return file;
    }

    private Dcmtk.Result storescu(Path config, String profile, List<Path> files) {
        List<String> command = new ArrayList<>(List.of("storescu", "--config-file", config.toString(), profile,
                "-aet", "MODALITY", "-aec", "TESSERA", "-v", "127.0.0.1", Integer.toString(DICOM_PORT)));
        files.forEach(f -> command.add(f.toString()));
        return Dcmtk.run(command.toArray(String[]::new));
    }

    private static int successes(Dcmtk.Result r) {
        return (int) r.output().lines().filter(l -> l.contains("Received Store Response (Success)")).count();
    }
}
