package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.AssociationSettings;
import io.tessera.dicom.net.Connector;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.testkit.Corpus;
import io.tessera.dicom.testkit.Dcmdump;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The C-STORE SCP and the index (issue 5) against dcmtk's storescu, on PostgreSQL so the test can read the index
 * while the PACS runs: every transfer syntax of 001 Table 23 alone and together, stored data sets byte-identical to
 * what dcmtk's storescp receives bit-preserving from the same send, the index rows equal to what dcmdump reads, and
 * every status of 001 Table 22 produced for real. Port offset 600 (management 10590), DICOM 11812, PostgreSQL 15433.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageIT {
    static final int OFFSET = 600;
    static final int DICOM_PORT = 11812;
    /** 001 Table 23. */
    static final List<String> TABLE_23 = List.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.70",
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.5");

    private Path data;
    private PostgreSqlServer postgres;
    private PacsServerProcess server;
    private ManagementClient jmx;

    @BeforeAll
    void start() throws Exception {
        data = TestEnvironment.dataDir().resolveSibling("storage-it");
        PostgreSqlServer.deleteTree(data);
        postgres = new PostgreSqlServer(Path.of(System.getProperty("java.io.tmpdir"), "tessera-storage-it"), 15433);
        postgres.start();
        ManagementClient.addUser(data);
        server = new PacsServerProcess(data, OFFSET, DICOM_PORT, Map.of("TESSERA_DB", "postgresql",
                "TESSERA_DB_HOST", "127.0.0.1", "TESSERA_DB_PORT", "15433", "TESSERA_DB_NAME", PostgreSqlServer.DATABASE,
                "TESSERA_DB_USER", PostgreSqlServer.USER, "TESSERA_DB_PASSWORD", PostgreSqlServer.PASSWORD));
        server.start();
        jmx = ManagementClient.connect(OFFSET);
        jmx.addOrUpdateAe("MODALITY", 0, true, null);
    }

    @AfterAll
    void stop() throws IOException {
        if (jmx != null) {
            jmx.close();
        }
        if (server != null) {
            server.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private String sql(String query) {
        return postgres.sql(PostgreSqlServer.DATABASE, query);
    }

    /** The corpus files of Table 23 syntaxes and storage classes, grouped by transfer syntax. */
    private static Map<String, List<Corpus.Entry>> table23Corpus() {
        Map<String, List<Corpus.Entry>> byTs = new LinkedHashMap<>();
        for (Corpus.Entry e : Corpus.get()) {
            if (TABLE_23.contains(e.transferSyntax()) && UID.isStorageSOPClass(e.sopClass())) {
                byTs.computeIfAbsent(e.transferSyntax(), ts -> new ArrayList<>()).add(e);
            }
        }
        return byTs;
    }

    /**
     * A storescu configuration (dcmtk's --config-file) with one profile per transfer syntax ("TS1" …) proposing
     * only that syntax for each SOP class it has in the corpus, and "ALL" proposing every one of those
     * (class, syntax) contexts together on one association.
     */
    private Path storescuConfig(Map<String, List<Corpus.Entry>> byTs) throws IOException {
        StringBuilder cfg = new StringBuilder("[[TransferSyntaxes]]\n");
        List<String> tss = new ArrayList<>(byTs.keySet());
        for (int i = 0; i < tss.size(); i++) {
            cfg.append("[TS").append(i + 1).append("]\nTransferSyntax1 = ").append(tss.get(i)).append('\n');
        }
        cfg.append("[[PresentationContexts]]\n");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < tss.size(); i++) {
            cfg.append("[PC-TS").append(i + 1).append("]\n");
            int n = 1;
            for (String cuid : byTs.get(tss.get(i)).stream().map(Corpus.Entry::sopClass).distinct().toList()) {
                String pc = cuid + "\\TS" + (i + 1);
                cfg.append("PresentationContext").append(n++).append(" = ").append(pc).append('\n');
                all.add(pc);
            }
        }
        cfg.append("[PC-ALL]\n");
        for (int n = 0; n < all.size(); n++) {
            cfg.append("PresentationContext").append(n + 1).append(" = ").append(all.get(n)).append('\n');
        }
        cfg.append("[[Profiles]]\n");
        for (int i = 0; i < tss.size(); i++) {
            cfg.append("[TS").append(i + 1).append("]\nPresentationContexts = PC-TS").append(i + 1).append('\n');
        }
        cfg.append("[ALL]\nPresentationContexts = PC-ALL\n");
        Path file = data.resolve("storescu.cfg");
        Files.writeString(file, cfg);
        return file;
    }

    /** storescp's side: every corpus storage class with every syntax of Table 23 (its +xa lacks .57). */
    private Path storescpConfig(Map<String, List<Corpus.Entry>> byTs) throws IOException {
        StringBuilder cfg = new StringBuilder("[[TransferSyntaxes]]\n[ALLTS]\n");
        for (int i = 0; i < TABLE_23.size(); i++) {
            cfg.append("TransferSyntax").append(i + 1).append(" = ").append(TABLE_23.get(i)).append('\n');
        }
        cfg.append("[[PresentationContexts]]\n[PCS]\n");
        List<String> classes = byTs.values().stream().flatMap(List::stream).map(Corpus.Entry::sopClass).distinct().toList();
        for (int n = 0; n < classes.size(); n++) {
            cfg.append("PresentationContext").append(n + 1).append(" = ").append(classes.get(n)).append("\\ALLTS\n");
        }
        cfg.append("[[Profiles]]\n[ACCEPT]\nPresentationContexts = PCS\n");
        Path file = data.resolve("storescp.cfg");
        Files.writeString(file, cfg);
        return file;
    }

    private static Dcmtk.Result storescu(Path config, String profile, String callingAe, int port, List<Path> files) {
        List<String> command = new ArrayList<>(List.of("storescu", "-v", "--config-file", config.toString(), profile,
                "-aet", callingAe, "-aec", "TESSERA", "127.0.0.1", Integer.toString(port)));
        files.forEach(f -> command.add(f.toString()));
        return Dcmtk.run(command.toArray(String[]::new));
    }

    private static int successes(Dcmtk.Result r) {
        return (int) r.output().lines().filter(l -> l.contains("Received Store Response (Success)")).count();
    }

    @Test
    @Order(1)
    void everyTable23SyntaxAloneIsStoredByteIdenticalToWhatStorescpReceives() throws Exception {
        Map<String, List<Corpus.Entry>> byTs = table23Corpus();
        assertEquals(Set.copyOf(TABLE_23), byTs.keySet(), "the corpus covers every syntax of Table 23");
        Path config = storescuConfig(byTs);
        Path acceptAll = storescpConfig(byTs);
        int storescpPort = Dcmtk.freePort();
        List<String> tss = new ArrayList<>(byTs.keySet());
        for (int i = 0; i < tss.size(); i++) {
            List<Path> files = byTs.get(tss.get(i)).stream().map(Corpus.Entry::file).toList();
            Path received = data.resolve("storescp-" + (i + 1));
            Files.createDirectories(received);
            Process storescp = Dcmtk.start(data.resolve("storescp.log"), "storescp", "--config-file", acceptAll.toString(), "ACCEPT", "+B", "-od", received.toString(),
                    "-aet", "STORESCP", Integer.toString(storescpPort));
            try {
                Dcmtk.awaitPort(storescpPort, storescp);
                Dcmtk.Result reference = storescu(config, "TS" + (i + 1), "MODALITY", storescpPort, files);
                assertEquals(files.size(), successes(reference), "storescp took " + tss.get(i) + ": " + reference.output());
            } finally {
                storescp.destroy();
                storescp.waitFor();
            }
            Dcmtk.Result ours = storescu(config, "TS" + (i + 1), "MODALITY", DICOM_PORT, files);
            assertEquals(files.size(), successes(ours), tss.get(i) + ": " + ours.output());
            assertTrue(ours.ok(), ours.output());

            for (Path original : files) {
                String iuid = Dcmdump.of(original).dataset().stream().filter(e -> e.tag() == Tag.SOPInstanceUID)
                        .findFirst().orElseThrow().value();
                Path stored = Path.of(sql("SELECT storage_area || '/' || file_path FROM instance WHERE sop_instance_uid = '" + iuid + "'"));
                Path reference;
                try (Stream<Path> list = Files.list(received)) {
                    reference = list.filter(p -> p.getFileName().toString().endsWith(iuid)).findFirst().orElseThrow();
                }
                assertArrayEquals(dataSet(reference), dataSet(stored), original.getFileName() + " stored as received");
                assertEquals(tss.get(i), sql("SELECT transfer_syntax_uid FROM instance WHERE sop_instance_uid = '" + iuid + "'"));
                assertTrue(Dcmdump.of(stored).diagnostics().isBlank(), "dcmdump reads " + stored + " cleanly");
            }
        }
    }

    @Test
    @Order(2)
    void allSyntaxesTogetherAndTheIndexHoldsWhatDcmdumpReads() throws Exception {
        Map<String, List<Corpus.Entry>> byTs = table23Corpus();
        List<Path> files = byTs.values().stream().flatMap(List::stream).map(Corpus.Entry::file).toList();
        Dcmtk.Result ours = storescu(storescuConfig(byTs), "ALL", "MODALITY", DICOM_PORT, files);
        assertEquals(files.size(), successes(ours), ours.output());

        Set<String> instances = new LinkedHashSet<>();
        Set<String> series = new LinkedHashSet<>();
        Set<String> studies = new LinkedHashSet<>();
        for (Path f : files) {
            Map<Integer, String> values = Dcmdump.of(f).dataset().stream().filter(e -> e.value() != null)
                    .collect(Collectors.toMap(Dcmdump.Element::tag, Dcmdump.Element::value, (a, b) -> a));
            String iuid = values.get(Tag.SOPInstanceUID);
            instances.add(iuid);
            series.add(values.get(Tag.SeriesInstanceUID));
            studies.add(values.get(Tag.StudyInstanceUID));
            String row = sql("SELECT i.sop_class_uid || '|' || s.series_instance_uid || '|' || st.study_instance_uid || '|' || p.patient_id"
                    + " || '|' || coalesce(s.modality, '') FROM instance i JOIN series s ON s.id = i.series_fk"
                    + " JOIN study st ON st.id = s.study_fk JOIN patient p ON p.id = st.patient_fk WHERE i.sop_instance_uid = '" + iuid + "'");
            assertEquals(values.get(Tag.SOPClassUID) + "|" + values.get(Tag.SeriesInstanceUID) + "|"
                    + values.get(Tag.StudyInstanceUID) + "|" + values.getOrDefault(Tag.PatientID, "") + "|"
                    + values.getOrDefault(Tag.Modality, ""), row, f.getFileName().toString());
        }
        assertEquals(Integer.toString(instances.size()), sql("SELECT count(*) FROM instance"));
        assertEquals(Integer.toString(series.size()), sql("SELECT count(*) FROM series"));
        assertEquals(Integer.toString(studies.size()), sql("SELECT count(*) FROM study"));
        // the maintained counts agree with the rows
        assertEquals("0", sql("SELECT count(*) FROM study st WHERE st.num_instances <> (SELECT count(*) FROM instance i"
                + " JOIN series s ON s.id = i.series_fk WHERE s.study_fk = st.id)"));
        assertEquals("0", sql("SELECT count(*) FROM series s WHERE s.num_instances <> (SELECT count(*) FROM instance i WHERE i.series_fk = s.id)"));
    }

    @Test
    @Order(3)
    void anUnwritableStorageAreaIsA700AndTheServerStaysUp() throws Exception {
        Path notADirectory = data.resolve("not-a-directory");
        Files.writeString(notADirectory, "a file where the archive directory should be");
        jmx.addOrUpdateAe("BAD_AREA", 0, true, notADirectory.resolve("archive").toString());
        Path file = Dcmtk.ctImage(data.resolve("a700"), "1.2.826.0.1.3680043.10.7.1");
        String r = storescuOne("BAD_AREA", file);
        assertTrue(r.contains("DIMSE Status                  : 0xa700"), r);
        assertTrue(Dcmtk.run("echoscu", "-aet", "MODALITY", "127.0.0.1", Integer.toString(DICOM_PORT)).ok());
        assertEquals("0", sql("SELECT count(*) FROM instance WHERE sop_instance_uid = '1.2.826.0.1.3680043.10.7.1'"));
    }

    @Test
    @Order(4)
    void aMissingSeriesUidIsA900() throws Exception {
        Path file = Dcmtk.ctImage(data.resolve("a900"), "1.2.826.0.1.3680043.10.9.1");
        Dcmtk.Result modified = Dcmtk.run("dcmodify", "-nb", "-ea", "(0020,000e)", file.toString());
        assertTrue(modified.ok(), modified.output());
        String r = storescuOne("MODALITY", file);
        assertTrue(r.contains("DIMSE Status                  : 0xa900") && r.contains("Series Instance UID missing"), r);
    }

    @Test
    @Order(5)
    void aPatientIdConflictIsA703WhenRefusedAndRecordedWhenAccepted() throws Exception {
        Path first = Dcmtk.ctImage(data.resolve("a703"), "1.2.826.0.1.3680043.10.3.1");
        Path second = Dcmtk.ctImage(data.resolve("a703"), "1.2.826.0.1.3680043.10.3.2");
        assertTrue(Dcmtk.run("dcmodify", "-nb", "-m", "(0010,0020)=CONFLICT-1", first.toString(), second.toString()).ok());
        assertTrue(Dcmtk.run("dcmodify", "-nb", "-m", "(0010,0010)=Other^Person", second.toString()).ok());
        String stored = storescuOne("MODALITY", first);
        assertTrue(stored.contains("DIMSE Status                  : 0x0000"), stored);

        jmx.set("Storage", "PatientIdPolicy", "REFUSE");
        try {
            String refused = storescuOne("MODALITY", second);
            assertTrue(refused.contains("DIMSE Status                  : 0xa703"), refused);
        } finally {
            jmx.set("Storage", "PatientIdPolicy", "ACCEPT");
        }
        String accepted = storescuOne("MODALITY", second);
        assertTrue(accepted.contains("DIMSE Status                  : 0x0000"), accepted);
        assertEquals("1", sql("SELECT count(*) FROM store_event WHERE kind = 'PATIENT_ID_CONFLICT_REFUSED'"
                + " AND sop_instance_uid = '1.2.826.0.1.3680043.10.3.2'"));
        assertEquals("1", sql("SELECT count(*) FROM store_event WHERE kind = 'PATIENT_ID_CONFLICT_ACCEPTED'"
                + " AND sop_instance_uid = '1.2.826.0.1.3680043.10.3.2'"));
    }

    @Test
    @Order(6)
    void aDataSetThatCannotBeParsedIsC000() throws Exception {
        // dcmtk will not send what it cannot parse, so our SCU sends the garbage; the SCP's answer is what is tested
        AAssociateRq rq = new AAssociateRq();
        rq.calledAeTitle("TESSERA");
        rq.addPresentationContext(UID.CTImageStorage, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 0x08; // a plausible first tag, then nonsense lengths
        garbage[1] = 0x00;
        try (Scu scu = Scu.open(new Connector(new AssociationSettings(), null), "127.0.0.1", DICOM_PORT, callingAs(rq, "MODALITY"))) {
            DimseResponse rsp = scu.store(UID.CTImageStorage, "1.2.826.0.1.3680043.10.12.1",
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), new ByteArrayInputStream(garbage), 0);
            assertEquals(0xC000, rsp.status(), rsp.toString());
            assertFalse(rsp.errorComment() == null || rsp.errorComment().isBlank());
        }
    }

    @Test
    @Order(7)
    void aDatabaseThatStopsDuringIngestIsA701AndStoringResumesWhenItIsBack() throws Exception {
        Path before = Dcmtk.ctImage(data.resolve("a701"), "1.2.826.0.1.3680043.10.1.700");
        Path during = Dcmtk.ctImage(data.resolve("a701"), "1.2.826.0.1.3680043.10.1.701");
        AAssociateRq rq = new AAssociateRq();
        rq.calledAeTitle("TESSERA");
        rq.addPresentationContext(UID.CTImageStorage, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        // one association, as a modality sends a study: the database goes away between two images
        try (Scu scu = Scu.open(new Connector(new AssociationSettings(), null), "127.0.0.1", DICOM_PORT, callingAs(rq, "MODALITY"))) {
            assertEquals(0x0000, scu.store(before).status());
            postgres.stopServer();
            try {
                DimseResponse down = scu.store(during);
                assertEquals(0xA701, down.status(), down.toString());
                assertTrue(down.errorComment().startsWith("Database failure"), down.errorComment());
            } finally {
                postgres.startServer();
            }
        }
        String ok = "";
        for (int attempt = 0; attempt < 30 && !ok.contains("DIMSE Status                  : 0x0000"); attempt++) {
            Thread.sleep(1000); // the pool replaces its broken connections on their next use or validation
            ok = storescuOne("MODALITY", during);
        }
        assertTrue(ok.contains("DIMSE Status                  : 0x0000"), ok);
        assertEquals("1", sql("SELECT count(*) FROM instance WHERE sop_instance_uid = '1.2.826.0.1.3680043.10.1.701'"));
        assertTrue(Files.list(server.dataDir().resolve("archive/.incoming")).noneMatch(p -> p.toString().endsWith(".part")),
                "nothing half-written left behind");
    }

    /**
     * 001 §2 duplicates, each policy with a SOP Instance UID received again: replace-if-different (the default) drops
     * the same content and takes a different one, keep drops anything, replace always takes the new copy; the index
     * names one file, the archive holds that one file only (a replaced copy's file is deleted, a dropped copy never
     * stays), and every case is recorded.
     */
    @Test
    @Order(8)
    void aDuplicateIsDroppedOrReplacedAsThePolicySaysAndAlwaysRecorded() throws Exception {
        String uid = "1.2.826.0.1.3680043.10.8.1";
        Path original = Dcmtk.ctImage(data.resolve("duplicates"), uid);
        Path changed = data.resolve("duplicates/changed.dcm");
        Files.copy(original, changed);
        assertTrue(Dcmtk.run("dcmodify", "-nb", "-i", "(0010,4000)=received again, changed", changed.toString()).ok());
        assertStored(storescuOne("MODALITY", original));
        Path first = storedFile(uid);
        assertArrayEquals(dataSet(original), dataSet(first));

        assertStored(storescuOne("MODALITY", original)); // the same content again: dropped
        assertEquals(List.of(first), archiveFiles(uid), "the stored copy stays, the received one is not kept");
        assertStored(storescuOne("MODALITY", changed)); // different content: replaces it
        Path second = storedFile(uid);
        assertArrayEquals(dataSet(changed), dataSet(second));
        assertEquals(List.of(second), settledArchiveFiles(uid), "the replaced file is deleted once the index is on disk");
        assertEquals(List.of(), markers(), "the markers go once the index is on disk");

        jmx.set("Storage", "DuplicatePolicy", "KEEP");
        try {
            assertStored(storescuOne("MODALITY", original));
            assertEquals(List.of(second), archiveFiles(uid), "kept: the stored copy stays");
            assertEquals(second, storedFile(uid));
            jmx.set("Storage", "DuplicatePolicy", "REPLACE");
            assertStored(storescuOne("MODALITY", changed)); // the same content, replaced all the same
            Path third = storedFile(uid);
            assertFalse(third.equals(second), "a receipt's file is its own: " + third);
            assertArrayEquals(dataSet(changed), dataSet(third));
            assertEquals(List.of(third), settledArchiveFiles(uid));
        } finally {
            jmx.set("Storage", "DuplicatePolicy", "REPLACE_IF_DIFFERENT");
        }
        String events = "SELECT count(*) FROM store_event WHERE sop_instance_uid = '" + uid + "' AND kind = '%s'";
        assertEquals("1", sql(String.format(events, "DUPLICATE_IDENTICAL")));
        assertEquals("1", sql(String.format(events, "DUPLICATE_KEPT")));
        assertEquals("2", sql(String.format(events, "DUPLICATE_REPLACED")));
        assertEquals("1", sql("SELECT count(*) FROM instance WHERE sop_instance_uid = '" + uid + "'"));
    }

    private static void assertStored(String storescuOutput) {
        assertTrue(storescuOutput.contains("DIMSE Status                  : 0x0000"), storescuOutput);
    }

    private Path storedFile(String sopInstanceUid) {
        return Path.of(sql("SELECT storage_area || '/' || file_path FROM instance WHERE sop_instance_uid = '"
                + sopInstanceUid + "'"));
    }

    /**
     * {@link #archiveFiles} once a replaced copy is gone: it is deleted only after the index row that replaced it is
     * on disk (IndexSync, about a second), so this waits up to 5 s for a single file.
     */
    private List<Path> settledArchiveFiles(String sopInstanceUid) throws IOException, InterruptedException {
        List<Path> files = archiveFiles(sopInstanceUid);
        for (int attempt = 0; attempt < 50 && files.size() > 1; attempt++) {
            Thread.sleep(100);
            files = archiveFiles(sopInstanceUid);
        }
        return files;
    }

    /** The {@code .target} markers in the default area's {@code .incoming}, after up to 5 s for them to go. */
    private List<Path> markers() throws IOException, InterruptedException {
        Path incoming = server.dataDir().resolve("archive/.incoming");
        List<Path> left = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Stream<Path> list = Files.list(incoming)) {
                left = list.filter(p -> p.toString().endsWith(".target")).toList();
            }
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return left;
    }

    /** The archive's files of this SOP instance ({@code <SOP UID>.<receipt>.dcm}), .incoming aside. */
    private List<Path> archiveFiles(String sopInstanceUid) throws IOException {
        try (Stream<Path> files = Files.walk(server.dataDir().resolve("archive"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(sopInstanceUid + ".")
                    && !p.toString().contains("/.incoming/")).toList();
        }
    }

    private static String storescuOne(String callingAe, Path file) {
        return Dcmtk.run("storescu", "-d", "-aet", callingAe, "-aec", "TESSERA", "127.0.0.1",
                Integer.toString(DICOM_PORT), file.toString()).output();
    }

    private static AAssociateRq callingAs(AAssociateRq rq, String callingAe) {
        rq.callingAeTitle(callingAe);
        return rq;
    }

    /** The bytes after the File Meta Information: 132 + the 12-byte group length element + its value. */
    static byte[] dataSet(Path part10) throws IOException {
        byte[] all = Files.readAllBytes(part10);
        int groupLength = ByteBuffer.wrap(all, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int start = 144 + groupLength;
        return java.util.Arrays.copyOfRange(all, start, all.length);
    }
}
