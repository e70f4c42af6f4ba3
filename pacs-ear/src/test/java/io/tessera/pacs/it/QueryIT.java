package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.FileMetaInformation;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.AssociationSettings;
import io.tessera.dicom.net.Connector;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.ExtendedNegotiation;
import io.tessera.dicom.testkit.Dcmdump;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The C-FIND SCP (issue 6) against dcmtk's findscu in Patient Root (-P), Study Root (-S) and Patient/Study Only (-O),
 * at patient, study, series and image level: single values, "*", "?", closed and open date ranges, time ranges, UID
 * lists and universal keys return exactly the set the test computes from the corpus it stored; names in ISO_IR 100
 * and ISO_IR 192 match and come back right (read back by dcmdump); C-CANCEL ends a long C-FIND with FE00; identifiers
 * that fit no level get A900. H2, and PostgreSQL on the PostgreSQL pass (ItDatabase); port offset 800 (management 10790),
 * DICOM 12012.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryIT {
    static final int OFFSET = 800;
    static final int DICOM_PORT = 12012;
    static final String ROOT = "1.2.826.0.1.3680043.10.800";
    static final String LOAD_ROOT = "1.2.826.0.1.3680043.10.801";
    static final String LOAD_STUDY = LOAD_ROOT + ".1.1";
    static final int LOAD_IMAGES = 300;

    /** One stored image and what the index keeps of it. */
    record Img(String charset, String patientName, String patientId, String birthDate, String sex, String studyUid,
               String studyDate, String studyTime, String accession, String seriesUid, String modality, int seriesNumber,
               String sopUid, int instanceNumber, int rows) {
    }

    private final List<Img> corpus = new ArrayList<>();
    private Path data;
    private PacsServerProcess server;
    private ManagementClient jmx;
    private int queryNumber;

    @BeforeAll
    void start() throws Exception {
        data = TestEnvironment.dataDir().resolveSibling("query-it");
        PostgreSqlServer.deleteTree(data);
        List<Path> files = new ArrayList<>(writeCorpus(data.resolve("images")));
        files.addAll(TestImages.ct(data.resolve("load"), LOAD_ROOT, LOAD_IMAGES, 1, 16));
        for (int n = 1; n <= LOAD_IMAGES; n++) {
            corpus.add(new Img("ISO_IR 100", "Load^Patient1", "LOAD-1", null, null, LOAD_STUDY, "20261125", null, null,
                    LOAD_ROOT + ".2.1", "CT", 0, LOAD_ROOT + ".3." + n, n, 16));
        }
        ManagementClient.addUser(data);
        // the run's database (ItDatabase): H2, or a fresh PostgreSQL database on the PostgreSQL pass
        server = new PacsServerProcess(data, OFFSET, DICOM_PORT);
        server.start();
        jmx = ManagementClient.connect(OFFSET);
        jmx.addOrUpdateAe("MODALITY", 0, true, null);
        jmx.addOrUpdateAe("FINDSCU", 0, true, null);
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "MODALITY", "-aec", "TESSERA", "127.0.0.1",
                Integer.toString(DICOM_PORT)));
        files.forEach(f -> command.add(f.toString()));
        Dcmtk.Result stored = Dcmtk.run(command.toArray(String[]::new));
        assertTrue(stored.ok(), stored.output());
    }

    @AfterAll
    void stop() throws IOException {
        if (jmx != null) {
            jmx.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    // ---- the corpus ----

    private List<Path> writeCorpus(Path dir) throws IOException {
        Files.createDirectories(dir);
        String s1 = ROOT + ".1.1", s2 = ROOT + ".1.2", s3 = ROOT + ".1.3", s4 = ROOT + ".1.4", s5 = ROOT + ".1.5";
        add("ISO_IR 100", "Müller^Jürgen", "QP-1", "19600101", "M", s1, "20240115", "101500", "ACC1", ROOT + ".2.11", "CT", 1, 2, 8);
        add("ISO_IR 100", "Müller^Jürgen", "QP-1", "19600101", "M", s1, "20240115", "101500", "ACC1", ROOT + ".2.12", "MR", 2, 1, 16);
        add("ISO_IR 192", "王^小東", "QP-2", "19751231", "F", s2, "20240301", "083000", "ACC2", ROOT + ".2.21", "MR", 1, 3, 16);
        add(null, "Smith^John", "QP-3", "19800615", "M", s3, "20231231", "235959", "ACC3", ROOT + ".2.31", "CT", 1, 1, 32);
        add(null, "Smith^John", "QP-3", "19800615", "M", s4, "20240615", "120000", "ACC4", ROOT + ".2.41", "CR", 1, 2, 32);
        add(null, "Smyth^Jane", "QP-4", "19900101", "F", s5, "20250101", "070000", "ACC5", ROOT + ".2.51", "US", 3, 1, 8);
        List<Path> files = new ArrayList<>();
        for (Img img : corpus) {
            Attributes ds = new Attributes();
            if (img.charset() != null) {
                ds.setString(Tag.SpecificCharacterSet, VR.CS, img.charset());
            }
            ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
            ds.setString(Tag.SOPInstanceUID, VR.UI, img.sopUid());
            ds.setString(Tag.InstanceCreationDate, VR.DA, img.studyDate());
            ds.setString(Tag.StudyDate, VR.DA, img.studyDate());
            ds.setString(Tag.StudyTime, VR.TM, img.studyTime());
            ds.setString(Tag.AccessionNumber, VR.SH, img.accession());
            ds.setString(Tag.Modality, VR.CS, img.modality());
            ds.setString(Tag.PatientName, VR.PN, img.patientName());
            ds.setString(Tag.PatientID, VR.LO, img.patientId());
            ds.setString(Tag.PatientBirthDate, VR.DA, img.birthDate());
            ds.setString(Tag.PatientSex, VR.CS, img.sex());
            ds.setString(Tag.StudyInstanceUID, VR.UI, img.studyUid());
            ds.setString(Tag.SeriesInstanceUID, VR.UI, img.seriesUid());
            ds.setString(Tag.StudyID, VR.SH, img.accession().replace("ACC", "S"));
            ds.setString(Tag.SeriesNumber, VR.IS, Integer.toString(img.seriesNumber()));
            ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(img.instanceNumber()));
            ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
            ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
            ds.setInt(Tag.Rows, VR.US, img.rows());
            ds.setInt(Tag.Columns, VR.US, 4);
            ds.setInt(Tag.BitsAllocated, VR.US, 8);
            ds.setInt(Tag.BitsStored, VR.US, 8);
            ds.setInt(Tag.HighBit, VR.US, 7);
            ds.setInt(Tag.PixelRepresentation, VR.US, 0);
            ds.setBytes(Tag.PixelData, VR.OB, new byte[img.rows() * 4]);
            Path file = dir.resolve(img.sopUid() + ".dcm");
            write(file, ds, img.sopUid());
            files.add(file);
        }
        return files;
    }

    private void add(String charset, String name, String pid, String birth, String sex, String study, String date,
                     String time, String accession, String series, String modality, int seriesNumber, int images, int rows) {
        for (int n = 1; n <= images; n++) {
            corpus.add(new Img(charset, name, pid, birth, sex, study, date, time, accession, series, modality, seriesNumber,
                    ROOT + ".3." + series.substring(ROOT.length() + 3) + "." + n, n, rows));
        }
    }

    private static void write(Path file, Attributes ds, String iuid) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); DicomOutputStream dos = new DicomOutputStream(out)) {
            dos.writeFileMetaInformation(FileMetaInformation.create(UID.SecondaryCaptureImageStorage, iuid,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()));
            dos.writeDataset(ds);
        }
    }

    private <T> Set<T> expected(Predicate<Img> filter, Function<Img, T> key) {
        return corpus.stream().filter(filter).map(key).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- findscu ----

    /** "-k gggg,eeee=value" (or without "=" for a universal key). */
    private static String[] k(int tag, String value) {
        String t = String.format("%04x,%04x", tag >>> 16, tag & 0xFFFF);
        return new String[] {"-k", value == null ? t : t + "=" + value};
    }

    private record Found(Dcmtk.Result result, List<Path> files, List<Attributes> responses) {
        Set<String> values(int tag) {
            return responses.stream().map(a -> a.getString(tag)).map(v -> v == null ? "" : v)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        Attributes one(int tag, String value) {
            return responses.stream().filter(a -> value.equals(a.getString(tag))).findFirst()
                    .orElseThrow(() -> new AssertionError("no response with " + Tag.toString(tag) + " " + value + ": "
                            + result.output()));
        }
    }

    /** findscu with the model option (-P, -S, -O), keys, and optionally a query file; responses read with -X. */
    private Found find(String model, Path queryFile, String... keys) throws IOException {
        Path out = Files.createDirectories(data.resolve("find-" + (++queryNumber)));
        List<String> command = new ArrayList<>(List.of("findscu", "-v", model, "-aet", "FINDSCU", "-aec", "TESSERA",
                "-X", "-od", out.toString()));
        command.addAll(Arrays.asList(keys));
        command.add("127.0.0.1");
        command.add(Integer.toString(DICOM_PORT));
        if (queryFile != null) {
            command.add(queryFile.toString());
        }
        Dcmtk.Result r = Dcmtk.run(command.toArray(String[]::new));
        List<Path> files;
        try (Stream<Path> list = Files.list(out)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("rsp")).sorted().toList();
        }
        List<Attributes> responses = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f); DicomInputStream dis = new DicomInputStream(in)) {
                responses.add(dis.readDataset());
            }
        }
        return new Found(r, files, responses);
    }

    private Found find(String model, String... keys) throws IOException {
        return find(model, null, keys);
    }

    private static String[] keys(String[]... ks) {
        return Stream.of(ks).flatMap(Stream::of).toArray(String[]::new);
    }

    private static void assertSuccess(Found f) {
        assertTrue(f.result().ok() && f.result().output().contains("Received Final Find Response (Success)"),
                f.result().output());
    }

    // ---- patient level ----

    @Test
    void patientLevelUniversalKeysReturnEveryPatientWithCounts() throws Exception {
        for (String model : new String[] {"-P", "-O"}) {
            Found f = find(model, keys(k(Tag.QueryRetrieveLevel, "PATIENT"), k(Tag.PatientName, null),
                    k(Tag.PatientID, null), k(Tag.PatientBirthDate, null), k(Tag.PatientSex, null),
                    k(Tag.NumberOfPatientRelatedStudies, null), k(Tag.NumberOfPatientRelatedSeries, null),
                    k(Tag.NumberOfPatientRelatedInstances, null)));
            assertSuccess(f);
            assertEquals(expected(i -> true, Img::patientId), f.values(Tag.PatientID), model);
            assertEquals(f.values(Tag.PatientID).size(), f.responses().size(), "one response per patient");
            for (String pid : f.values(Tag.PatientID)) {
                Attributes a = f.one(Tag.PatientID, pid);
                assertEquals(expected(i -> i.patientId().equals(pid), Img::studyUid).size(),
                        a.getInt(Tag.NumberOfPatientRelatedStudies, -1), pid);
                assertEquals(expected(i -> i.patientId().equals(pid), Img::seriesUid).size(),
                        a.getInt(Tag.NumberOfPatientRelatedSeries, -1), pid);
                assertEquals(expected(i -> i.patientId().equals(pid), Img::sopUid).size(),
                        a.getInt(Tag.NumberOfPatientRelatedInstances, -1), pid);
                assertEquals("PATIENT", a.getString(Tag.QueryRetrieveLevel));
                assertEquals("TESSERA", a.getString(Tag.RetrieveAETitle));
            }
            assertEquals("19751231", f.one(Tag.PatientID, "QP-2").getString(Tag.PatientBirthDate));
            assertEquals("F", f.one(Tag.PatientID, "QP-2").getString(Tag.PatientSex));
        }
    }

    @Test
    void patientNamesMatchSingleValueAndWildcardsIgnoringCase() throws Exception {
        Found wild = find("-P", keys(k(Tag.QueryRetrieveLevel, "PATIENT"), k(Tag.PatientName, "sm?th*"), k(Tag.PatientID, null)));
        assertSuccess(wild);
        assertEquals(Set.of("QP-3", "QP-4"), wild.values(Tag.PatientID));
        Found single = find("-P", keys(k(Tag.QueryRetrieveLevel, "PATIENT"), k(Tag.PatientName, "SMITH^JOHN"),
                k(Tag.PatientID, null)));
        assertEquals(Set.of("QP-3"), single.values(Tag.PatientID));
        assertEquals(Set.of("Smith^John"), single.values(Tag.PatientName));
        Found byId = find("-P", keys(k(Tag.QueryRetrieveLevel, "PATIENT"), k(Tag.PatientID, "QP-?"),
                k(Tag.PatientName, null)));
        assertEquals(expected(i -> i.patientId().startsWith("QP-"), Img::patientId), byId.values(Tag.PatientID));
    }

    // ---- character sets ----

    private Path queryFile(String charset, String level, String name) throws IOException {
        Attributes q = new Attributes();
        q.setString(Tag.SpecificCharacterSet, VR.CS, charset);
        q.setString(Tag.QueryRetrieveLevel, VR.CS, level);
        q.setString(Tag.PatientName, VR.PN, name);
        q.setNull(Tag.PatientID, VR.LO);
        q.setNull(Tag.StudyInstanceUID, VR.UI);
        Path file = data.resolve("query-" + (++queryNumber) + ".dcm");
        try (OutputStream out = Files.newOutputStream(file); DicomOutputStream dos = new DicomOutputStream(out)) {
            dos.writeDataset(q, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        return file;
    }

    private static String dumped(Path file, int tag) {
        return Dcmdump.of(file).dataset().stream().filter(e -> e.tag() == tag).findFirst().orElseThrow().value();
    }

    @Test
    void namesInIsoIr100AndIsoIr192MatchAndComeBackRight() throws Exception {
        Found latin1 = find("-S", queryFile("ISO_IR 100", "STUDY", "müller*"));
        assertSuccess(latin1);
        assertEquals(Set.of(ROOT + ".1.1"), latin1.values(Tag.StudyInstanceUID), latin1.result().output());
        assertEquals("Müller^Jürgen", dumped(latin1.files().get(0), Tag.PatientName), "dcmdump reads the name");
        assertEquals("ISO_IR 100", latin1.responses().get(0).getString(Tag.SpecificCharacterSet),
                "answered in the query's character set, which encodes the name");

        Found utf8 = find("-S", queryFile("ISO_IR 192", "STUDY", "王*"));
        assertSuccess(utf8);
        assertEquals(Set.of(ROOT + ".1.2"), utf8.values(Tag.StudyInstanceUID), utf8.result().output());
        assertEquals("王^小東", dumped(utf8.files().get(0), Tag.PatientName));
        assertEquals("ISO_IR 192", utf8.responses().get(0).getString(Tag.SpecificCharacterSet));

        // an ASCII query: the non-ASCII names come back in UTF-8, the ASCII ones without (0008,0005)
        Found all = find("-P", keys(k(Tag.QueryRetrieveLevel, "PATIENT"), k(Tag.PatientName, null), k(Tag.PatientID, null)));
        for (int n = 0; n < all.responses().size(); n++) {
            Attributes a = all.responses().get(n);
            String pid = a.getString(Tag.PatientID);
            String name = corpus.stream().filter(i -> i.patientId().equals(pid)).findFirst().orElseThrow().patientName();
            assertEquals(name, dumped(all.files().get(n), Tag.PatientName), pid);
            assertEquals(name.chars().allMatch(c -> c < 0x80) ? null : "ISO_IR 192",
                    a.getString(Tag.SpecificCharacterSet), pid);
        }
    }

    // ---- study level ----

    private Found studies(String model, String[]... more) throws IOException {
        String[] base = keys(k(Tag.QueryRetrieveLevel, "STUDY"), k(Tag.StudyInstanceUID, null), k(Tag.PatientID, null),
                k(Tag.StudyDate, null), k(Tag.StudyTime, null), k(Tag.AccessionNumber, null), k(Tag.ModalitiesInStudy, null),
                k(Tag.NumberOfStudyRelatedSeries, null), k(Tag.NumberOfStudyRelatedInstances, null), k(Tag.StudyID, null));
        List<String> all = new ArrayList<>(Arrays.asList(base));
        for (String[] m : more) {
            // a later -k of the same tag replaces the earlier one in findscu
            all.addAll(Arrays.asList(m));
        }
        Found f = find(model, all.toArray(String[]::new));
        assertSuccess(f);
        return f;
    }

    @Test
    void studyDatesSingleClosedAndOpenRanges() throws Exception {
        assertEquals(expected(i -> i.studyDate().equals("20240301"), Img::studyUid),
                studies("-S", k(Tag.StudyDate, "20240301")).values(Tag.StudyInstanceUID));
        assertEquals(expected(i -> i.studyDate().compareTo("20240101") >= 0 && i.studyDate().compareTo("20240630") <= 0,
                Img::studyUid), studies("-S", k(Tag.StudyDate, "20240101-20240630")).values(Tag.StudyInstanceUID));
        assertEquals(expected(i -> i.studyDate().compareTo("20231231") <= 0, Img::studyUid),
                studies("-S", k(Tag.StudyDate, "-20231231")).values(Tag.StudyInstanceUID));
        assertEquals(expected(i -> i.studyDate().compareTo("20250101") >= 0, Img::studyUid),
                studies("-P", k(Tag.StudyDate, "20250101-")).values(Tag.StudyInstanceUID));
        // a time range alone: the stored times within it, whatever the day; studies without a time do not match
        assertEquals(expected(i -> i.studyTime() != null && i.studyTime().compareTo("080000") >= 0
                        && i.studyTime().compareTo("110000") <= 0, Img::studyUid),
                studies("-S", k(Tag.StudyTime, "0800-1100")).values(Tag.StudyInstanceUID));
    }

    @Test
    void studyKeysCountsModalitiesUidListsAndWildcards() throws Exception {
        Found all = studies("-S");
        assertEquals(expected(i -> true, Img::studyUid), all.values(Tag.StudyInstanceUID));
        for (String study : all.values(Tag.StudyInstanceUID)) {
            Attributes a = all.one(Tag.StudyInstanceUID, study);
            assertEquals(expected(i -> i.studyUid().equals(study), Img::modality),
                    new TreeSet<>(Arrays.asList(a.getStrings(Tag.ModalitiesInStudy))), study);
            assertEquals(expected(i -> i.studyUid().equals(study), Img::seriesUid).size(),
                    a.getInt(Tag.NumberOfStudyRelatedSeries, -1), study);
            assertEquals(expected(i -> i.studyUid().equals(study), Img::sopUid).size(),
                    a.getInt(Tag.NumberOfStudyRelatedInstances, -1), study);
            Img img = corpus.stream().filter(i -> i.studyUid().equals(study)).findFirst().orElseThrow();
            assertEquals(img.studyDate(), a.getString(Tag.StudyDate));
            assertEquals(img.accession(), a.getString(Tag.AccessionNumber));
            assertEquals(img.patientId(), a.getString(Tag.PatientID));
        }
        assertEquals(expected(i -> i.modality().equals("MR"), Img::studyUid),
                studies("-S", k(Tag.ModalitiesInStudy, "MR")).values(Tag.StudyInstanceUID));
        assertEquals(expected(i -> i.studyUid().equals(ROOT + ".1.1") || i.studyUid().equals(ROOT + ".1.3"),
                Img::studyUid),
                studies("-S", k(Tag.StudyInstanceUID, ROOT + ".1.1\\" + ROOT + ".1.3")).values(Tag.StudyInstanceUID));
        assertEquals(expected(i -> i.accession() != null, Img::accession),
                studies("-S", k(Tag.AccessionNumber, "ACC?")).values(Tag.AccessionNumber));
        // Patient Root and Patient/Study Only, hierarchical: the patient's unique key, then the study level
        Set<String> qp3 = expected(i -> i.patientId().equals("QP-3"), Img::studyUid);
        assertEquals(qp3, studies("-P", k(Tag.PatientID, "QP-3")).values(Tag.StudyInstanceUID));
        assertEquals(qp3, studies("-O", k(Tag.PatientID, "QP-3")).values(Tag.StudyInstanceUID));
    }

    // ---- series and image level ----

    @Test
    void seriesLevel() throws Exception {
        String study1 = ROOT + ".1.1";
        Found f = find("-S", keys(k(Tag.QueryRetrieveLevel, "SERIES"), k(Tag.StudyInstanceUID, study1),
                k(Tag.SeriesInstanceUID, null), k(Tag.Modality, null), k(Tag.SeriesNumber, null),
                k(Tag.NumberOfSeriesRelatedInstances, null)));
        assertSuccess(f);
        assertEquals(expected(i -> i.studyUid().equals(study1), Img::seriesUid), f.values(Tag.SeriesInstanceUID));
        for (String series : f.values(Tag.SeriesInstanceUID)) {
            Attributes a = f.one(Tag.SeriesInstanceUID, series);
            Img img = corpus.stream().filter(i -> i.seriesUid().equals(series)).findFirst().orElseThrow();
            assertEquals(img.modality(), a.getString(Tag.Modality));
            assertEquals(img.seriesNumber(), a.getInt(Tag.SeriesNumber, -1));
            assertEquals(expected(i -> i.seriesUid().equals(series), Img::sopUid).size(),
                    a.getInt(Tag.NumberOfSeriesRelatedInstances, -1));
            assertEquals(study1, a.getString(Tag.StudyInstanceUID));
        }
        // Patient Root, the unique keys above given; and a series key alone (findscu cannot negotiate relational)
        Found p = find("-P", keys(k(Tag.QueryRetrieveLevel, "SERIES"), k(Tag.PatientID, "QP-3"),
                k(Tag.StudyInstanceUID, ROOT + ".1.4"), k(Tag.SeriesInstanceUID, null), k(Tag.Modality, null)));
        assertEquals(Set.of(ROOT + ".2.41"), p.values(Tag.SeriesInstanceUID));
        Found ct = find("-S", keys(k(Tag.QueryRetrieveLevel, "SERIES"), k(Tag.Modality, "CT"), k(Tag.SeriesInstanceUID, null)));
        assertEquals(expected(i -> i.modality().equals("CT"), Img::seriesUid), ct.values(Tag.SeriesInstanceUID));
    }

    @Test
    void imageLevel() throws Exception {
        String series = ROOT + ".2.11";
        Found f = find("-P", keys(k(Tag.QueryRetrieveLevel, "IMAGE"), k(Tag.PatientID, "QP-1"),
                k(Tag.StudyInstanceUID, ROOT + ".1.1"), k(Tag.SeriesInstanceUID, series), k(Tag.SOPInstanceUID, null),
                k(Tag.SOPClassUID, null), k(Tag.InstanceNumber, null), k(Tag.Rows, null), k(Tag.Columns, null),
                k(Tag.BitsAllocated, null), k(Tag.BitsStored, null), k(Tag.PixelRepresentation, null),
                k(Tag.SamplesPerPixel, null), k(Tag.InstanceCreationDate, null), k(Tag.InstanceCreationTime, null)));
        assertSuccess(f);
        assertEquals(expected(i -> i.seriesUid().equals(series), Img::sopUid), f.values(Tag.SOPInstanceUID));
        for (Attributes a : f.responses()) {
            Img img = corpus.stream().filter(i -> i.sopUid().equals(a.getString(Tag.SOPInstanceUID))).findFirst().orElseThrow();
            assertEquals(img.rows(), a.getInt(Tag.Rows, -1));
            assertEquals(4, a.getInt(Tag.Columns, -1));
            assertEquals(8, a.getInt(Tag.BitsAllocated, -1));
            assertEquals(8, a.getInt(Tag.BitsStored, -1));
            assertEquals(0, a.getInt(Tag.PixelRepresentation, -1));
            assertEquals(1, a.getInt(Tag.SamplesPerPixel, -1));
            assertEquals(img.instanceNumber(), a.getInt(Tag.InstanceNumber, -1));
            assertEquals(UID.SecondaryCaptureImageStorage, a.getString(Tag.SOPClassUID));
            assertEquals(img.studyDate(), a.getString(Tag.InstanceCreationDate));
            assertTrue(a.contains(Tag.InstanceCreationTime) && a.getString(Tag.InstanceCreationTime) == null,
                    "asked, none stored: returned empty");
            assertEquals("IMAGE", a.getString(Tag.QueryRetrieveLevel));
        }
        // Study Root: SOP Instance UID wildcard and list, Instance Number single value
        Found wild = find("-S", keys(k(Tag.QueryRetrieveLevel, "IMAGE"), k(Tag.SOPInstanceUID, ROOT + ".3.2*")));
        assertEquals(expected(i -> i.sopUid().startsWith(ROOT + ".3.2"), Img::sopUid), wild.values(Tag.SOPInstanceUID));
        Found list = find("-S", keys(k(Tag.QueryRetrieveLevel, "IMAGE"), k(Tag.StudyInstanceUID, LOAD_STUDY),
                k(Tag.SOPInstanceUID, LOAD_ROOT + ".3.7\\" + LOAD_ROOT + ".3.77\\" + LOAD_ROOT + ".3.777")));
        assertEquals(Set.of(LOAD_ROOT + ".3.7", LOAD_ROOT + ".3.77"), list.values(Tag.SOPInstanceUID));
        Found number = find("-S", keys(k(Tag.QueryRetrieveLevel, "IMAGE"), k(Tag.StudyInstanceUID, LOAD_STUDY),
                k(Tag.InstanceNumber, "42"), k(Tag.SOPInstanceUID, null)));
        assertEquals(Set.of(LOAD_ROOT + ".3.42"), number.values(Tag.SOPInstanceUID));
        Found many = find("-S", keys(k(Tag.QueryRetrieveLevel, "IMAGE"), k(Tag.StudyInstanceUID, LOAD_STUDY),
                k(Tag.SOPInstanceUID, null)));
        assertEquals(LOAD_IMAGES, many.responses().size());
    }

    // ---- cancel and failures ----

    @Test
    void cancelOfALongFindAnswersFE00() throws Exception {
        // as in cancelStopsTheMatchesWithinOneSecond: the cancel may come after the last match; one of five wins
        long before = ((Number) jmx.get("QueryRetrieve", "QueriesCanceled")).longValue();
        int canceled = 0;
        for (int attempt = 0; attempt < 5 && canceled == 0; attempt++) {
            Path out = Files.createDirectories(data.resolve("find-cancel-" + attempt));
            Dcmtk.Result r = Dcmtk.run("findscu", "-v", "-S", "-aet", "FINDSCU", "-aec", "TESSERA", "--cancel", "5", "-X",
                    "-od", out.toString(), "-k", "0008,0052=IMAGE", "-k", "0020,000d=" + LOAD_STUDY, "-k", "0008,0018",
                    "127.0.0.1", Integer.toString(DICOM_PORT));
            long responses;
            try (Stream<Path> list = Files.list(out)) {
                responses = list.count();
            }
            if (r.output().contains("Received Final Find Response (Cancel")) {
                assertTrue(responses >= 5 && responses < LOAD_IMAGES, responses + " matches before the cancel took effect");
                canceled++;
            } else {
                assertTrue(r.output().contains("Received Final Find Response (Success)"), r.output());
                assertEquals(LOAD_IMAGES, responses, "a cancel too late to matter still ends with every match");
            }
        }
        assertEquals(1, canceled, "in five attempts findscu's C-CANCEL never stopped the query");
        assertEquals(before + 1, ((Number) jmx.get("QueryRetrieve", "QueriesCanceled")).longValue());
    }

    @Test
    void identifiersThatFitNoLevelGetA900() throws Exception {
        // dcmtk names A900 of C-FIND "DataSetDoesNotMatchSOPClass"; with -d it prints the status and Error Comment
        Dcmtk.Result noLevel = Dcmtk.run("findscu", "-d", "-S", "-aet", "FINDSCU", "-aec", "TESSERA", "-k", "0010,0010=X*",
                "127.0.0.1", Integer.toString(DICOM_PORT));
        assertTrue(noLevel.output().toLowerCase().contains("0xa900"), noLevel.output());
        assertTrue(noLevel.output().contains("Query/Retrieve Level (0008,0052) missing"), noLevel.output());
        String a900Label = "Received Final Find Response (Error: DataSetDoesNotMatchSOPClass)";
        Found seriesInPatientStudyOnly = find("-O", keys(k(Tag.QueryRetrieveLevel, "SERIES"), k(Tag.SeriesInstanceUID, null)));
        assertTrue(seriesInPatientStudyOnly.result().output().contains(a900Label), seriesInPatientStudyOnly.result().output());
        Found patientInStudyRoot = find("-S", keys(k(Tag.QueryRetrieveLevel, "PATIENT"), k(Tag.PatientID, null)));
        assertTrue(patientInStudyRoot.result().output().contains(a900Label), patientInStudyRoot.result().output());
        Found badDate = find("-S", keys(k(Tag.QueryRetrieveLevel, "STUDY"), k(Tag.StudyDate, "2024-13-45")));
        assertTrue(badDate.result().output().contains(a900Label), badDate.result().output());
        // an MXBean's Map<String, Long> is TabularData of (key, value) rows
        TabularData failures = (TabularData) jmx.get("QueryRetrieve", "QueryFailuresByStatus");
        long a900 = failures.values().stream().map(CompositeData.class::cast)
                .filter(row -> "A900".equals(row.get("key"))).mapToLong(row -> (Long) row.get("value")).sum();
        assertTrue(a900 >= 4, failures.toString());
    }

    // ---- relational queries and cancel latency, with the project's own SCU (findscu cannot negotiate relational) ----

    private Scu openStudyRoot(boolean relational) throws IOException {
        AAssociateRq rq = new AAssociateRq();
        rq.callingAeTitle("FINDSCU");
        rq.calledAeTitle("TESSERA");
        rq.addPresentationContext(UID.FINDStudyRootQueryRetrieveInformationModel, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
        if (relational) {
            rq.userInformation().extendedNegotiations().add(
                    new ExtendedNegotiation(UID.FINDStudyRootQueryRetrieveInformationModel, new byte[] {1}));
        }
        return Scu.open(new Connector(new AssociationSettings(), null), "127.0.0.1", DICOM_PORT, rq);
    }

    @Test
    void relationalQueriesWhenNegotiated() throws Exception {
        try (Scu scu = openStudyRoot(true)) {
            ExtendedNegotiation accepted = scu.association().acceptance().userInformation()
                    .extendedNegotiation(UID.FINDStudyRootQueryRetrieveInformationModel);
            assertTrue(accepted != null && accepted.info()[0] == 1, "relational queries accepted");
            Attributes keys = new Attributes();
            keys.setString(Tag.QueryRetrieveLevel, VR.CS, "IMAGE");
            keys.setString(Tag.PatientName, VR.PN, "Smith^John");
            keys.setString(Tag.Modality, VR.CS, "CR");
            keys.setNull(Tag.SOPInstanceUID, VR.UI);
            Set<String> found = scu.findAll(UID.FINDStudyRootQueryRetrieveInformationModel, keys).stream()
                    .map(a -> a.getString(Tag.SOPInstanceUID)).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected(i -> i.patientName().equals("Smith^John") && i.modality().equals("CR"), Img::sopUid), found);
        }
    }

    @Test
    void cancelStopsTheMatchesWithinOneSecond() throws Exception {
        // The 300 matches can all be on their way before the C-CANCEL arrives; a cancel after the last match is
        // ignored (final 0000 with every match, PS3.7 §9.1.2.1). So each attempt must be one of the two correct
        // outcomes, and at least one of five attempts must be the cancel winning: FE00 within 1 s, fewer matches.
        boolean canceled = false;
        for (int attempt = 0; attempt < 5 && !canceled; attempt++) {
            try (Scu scu = openStudyRoot(false)) {
                int pc = scu.presentationContext(UID.FINDStudyRootQueryRetrieveInformationModel);
                Attributes keys = new Attributes();
                keys.setString(Tag.QueryRetrieveLevel, VR.CS, "IMAGE");
                keys.setString(Tag.StudyInstanceUID, VR.UI, LOAD_STUDY);
                keys.setNull(Tag.SOPInstanceUID, VR.UI);
                long[] canceledAt = {0};
                int[] pending = {0};
                DimseResponse last = scu.find(UID.FINDStudyRootQueryRetrieveInformationModel, keys, r -> {
                    pending[0]++;
                    if (canceledAt[0] == 0) {
                        canceledAt[0] = System.nanoTime();
                        try {
                            scu.cancel(pc, r.messageIdBeingRespondedTo());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
                long millis = (System.nanoTime() - canceledAt[0]) / 1_000_000;
                if (last.status() == 0xFE00) {
                    assertTrue(millis < 1000, "final FE00 " + millis + " ms after the C-CANCEL");
                    assertTrue(pending[0] < LOAD_IMAGES, pending[0] + " matches");
                    canceled = true;
                } else {
                    assertEquals(0x0000, last.status(), last.toString());
                    assertEquals(LOAD_IMAGES, pending[0], "a cancel too late to matter still ends with every match");
                }
            }
        }
        assertTrue(canceled, "in five attempts the C-CANCEL never stopped the query");
    }
}
