package io.tessera.bench.scale;

import io.tessera.dicom.text.MatchKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Fills Tessera's index (db V3__index.sql, V5) with a hospital's worth of studies by JDBC batch inserts: by default
 * 100,000 studies of 1–3 series and 1,000,000 instances in all (10 per study on average) of 40,000 patients, over
 * ten years, for bench/scale (issue 9 "Scale", issue 6's C-FIND figure). The rows are what the store service
 * (store/InstanceIndex, IndexedAttributes) writes for such data sets: decoded names (some ISO_IR 100, with the
 * study's Specific Character Set), Patient's Name index keys (MatchKey.personNameIndexKeys, db V5), Modalities in
 * Study as the sorted distinct series modalities joined with "\", and the "Number of … Related …" counters of
 * patient, study and series equal to the rows below them. File rows point to files that do not exist: C-FIND never
 * reads a file (a C-MOVE or the console's viewer of these studies fails).
 *
 * <p>Rows are appended after what the index holds (ids from the current maxima, identities moved past them after),
 * with UIDs under a root of their own, so a server that stored images before keeps them. The server must be
 * stopped for H2 (an embedded file database has one process); PostgreSQL may stay up, the server too.
 *
 * <pre>
 * java -cp h2.jar|postgresql.jar:tessera-dicom.jar bench/src/main/java/io/tessera/bench/scale/ScaleFill.java \
 *     URL USER PASSWORD STORAGE_AREA [--studies 100000] [--patients 40000] [--seed 9] [--facts FILE]
 * </pre>
 * {@code --facts} writes what the fill knows for the spot checks (a patient's counts, a study's, a date's) as
 * {@code key=value} lines.
 */
public final class ScaleFill {
    static final String UID_ROOT = "2.25.94723047103852791650128460923401877019";
    private static final int CHUNK = 500; // studies per transaction (≈ 1,000 series, 5,000 instances)

    private static final String[] FAMILY = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Okafor", "Haddad", "Tanaka", "Larsen", "Silva", "Kowalski", "Novak", "Horvat", "Popescu", "Ivanova",
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
        "Dubois", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Michel", "Bernard", "Petit", "Fontaine",
        "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch", "Richter",
        "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos",
        "O'Brien", "Murphy", "Kelly", "Walsh", "Byrne", "Ryan", "O'Connor", "Doyle", "McCarthy", "Gallagher",
        "Cohen", "Levy", "Mizrahi", "Friedman", "Khan", "Ali", "Ahmed", "Hussain", "Patel", "Singh",
        // ISO_IR 100 (Latin-1) names: the modality sends (0008,0005) ISO_IR 100, the index keeps them decoded
        "Müller", "Schäfer", "Schröder", "Krüger", "Jäger", "Gómez", "Núñez", "Muñoz", "Peña", "Ibáñez",
        "Lefèvre", "Bénard", "Gaël", "Lemaître", "Hélie", "Åström", "Sjögren", "Björk", "Sørensen", "Ødegård",
        "Çelik", "Brontë", "Þórsson", "Gonçalves", "Magalhães"
    };
    private static final String[] GIVEN = {
        "Anna", "John", "Maria", "James", "Linda", "Robert", "Patricia", "Michael", "Barbara", "William",
        "Elizabeth", "David", "Jennifer", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles",
        "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra", "Paul",
        "Luis", "Linh", "Chidi", "Ewa", "Omar", "Yuki", "Erik", "Joana", "Fatima", "Ahmed",
        "Sofia", "Lucas", "Emma", "Noah", "Olivia", "Liam", "Mia", "Hugo", "Lena", "Jan",
        "Jürgen", "Zoë", "Inés", "José", "François", "Hélène", "Björn", "Søren", "Ângela", "Agnès"
    };
    private static final String[] PHYSICIANS = {
        "House^Gregory", "Wilson^James", "Cuddy^Lisa", "Foreman^Eric", "Chase^Robert", "Cameron^Allison",
        "Grey^Meredith", "Shepherd^Derek", "Bailey^Miranda", "Webber^Richard", "Kovacs^Luka", "Carter^John",
        "Greene^Mark", "Ross^Douglas", "Benton^Peter", "Lewis^Susan", "Weaver^Kerry", "Pratt^Gregory",
        "Dorian^John", "Turk^Christopher", "Cox^Perry", "Kelso^Bob", "Reid^Elliot", "Quinn^Michaela",
        "Müller^Hans", "Lefèvre^Anne", "Núñez^Carmen", "Åberg^Nils", "Rossi^Marco", "Okafor^Ngozi"
    };
    /** modality, weight %, SOP Class UID, rows, columns, bits stored, samples, bytes per instance, frames */
    private static final Object[][] MODALITIES = {
        {"CT", 30, "1.2.840.10008.5.1.4.1.1.2", 512, 512, 12, 1, 526_000, null},
        {"MR", 18, "1.2.840.10008.5.1.4.1.1.4", 256, 256, 12, 1, 140_000, null},
        {"CR", 17, "1.2.840.10008.5.1.4.1.1.1", 2500, 2048, 12, 1, 10_240_000, null},
        {"DX", 9, "1.2.840.10008.5.1.4.1.1.1.1", 3000, 2500, 14, 1, 15_000_000, null},
        {"US", 11, "1.2.840.10008.5.1.4.1.1.6.1", 480, 640, 8, 3, 922_000, null},
        {"MG", 6, "1.2.840.10008.5.1.4.1.1.1.2", 4096, 3328, 12, 1, 27_263_000, null},
        {"NM", 3, "1.2.840.10008.5.1.4.1.1.20", 128, 128, 16, 1, 2_100_000, 64},
        {"PT", 3, "1.2.840.10008.5.1.4.1.1.128", 128, 128, 16, 1, 35_000, null},
        {"XA", 3, "1.2.840.10008.5.1.4.1.1.12.1", 512, 512, 8, 1, 15_700_000, 60}
    };
    private static final Map<String, String[]> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("CT", new String[] {"CT CHEST ABDOMEN PELVIS W CONTRAST", "CT HEAD WO CONTRAST", "CT CHEST WO CONTRAST",
            "CT ABDOMEN PELVIS W CONTRAST", "CTA CHEST PE PROTOCOL", "CT LUMBAR SPINE"});
        DESCRIPTIONS.put("MR", new String[] {"MR BRAIN W WO CONTRAST", "MR KNEE LEFT WO CONTRAST", "MR LUMBAR SPINE WO",
            "MR SHOULDER RIGHT", "MR PROSTATE MULTIPARAMETRIC"});
        DESCRIPTIONS.put("CR", new String[] {"XR CHEST PA AND LATERAL", "XR CHEST AP PORTABLE", "XR HAND LEFT 3 VIEWS",
            "XR KNEE RIGHT 2 VIEWS"});
        DESCRIPTIONS.put("DX", new String[] {"DX CHEST 2 VIEWS", "DX PELVIS AP", "DX ANKLE LEFT 3 VIEWS"});
        DESCRIPTIONS.put("US", new String[] {"US ABDOMEN COMPLETE", "US PELVIS TRANSVAGINAL", "US THYROID", "US RENAL"});
        DESCRIPTIONS.put("MG", new String[] {"MG SCREENING BILATERAL", "MG DIAGNOSTIC LEFT"});
        DESCRIPTIONS.put("NM", new String[] {"NM BONE SCAN WHOLE BODY", "NM MYOCARDIAL PERFUSION"});
        DESCRIPTIONS.put("PT", new String[] {"PET CT WHOLE BODY FDG", "PET CT SKULL BASE TO THIGH"});
        DESCRIPTIONS.put("XA", new String[] {"XA CORONARY ANGIOGRAPHY", "XA CEREBRAL ANGIOGRAPHY"});
    }
    private static final String[] BODY_PARTS = {"CHEST", "ABDOMEN", "HEAD", "PELVIS", "SPINE", "KNEE", "HAND", "BREAST",
        "HEART", "WHOLEBODY"};
    private static final String EXPLICIT_VR_LE = "1.2.840.10008.1.2.1";

    private ScaleFill() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ScaleFill URL USER PASSWORD STORAGE_AREA [--studies 100000] [--patients 40000]"
                    + " [--seed 9] [--facts FILE]");
            System.exit(2);
        }
        String url = args[0];
        int studies = Integer.parseInt(option(args, "--studies", "100000"));
        int patients = Integer.parseInt(option(args, "--patients", Integer.toString(Math.max(1, studies * 2 / 5))));
        long seed = Long.parseLong(option(args, "--seed", "9"));
        String facts = option(args, "--facts", null);
        String area = args[3];
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            c.setAutoCommit(false);
            new Fill(c, url.startsWith("jdbc:postgresql:"), studies, patients, seed, area).run(facts);
        }
    }

    /** One fill: the plan (who has which studies, how many series and instances) first, then the rows. */
    private static final class Fill {
        private final Connection c;
        private final boolean postgres;
        private final int studies;
        private final int patients;
        private final String area;
        private final Random random;
        private final int[] patientOf;
        private final int[] seriesOf;
        private final int[] instancesOf;
        private final int[] modalityOf;
        private long patientBase;
        private long studyBase;
        private long seriesBase;
        private long instanceBase;
        private final MessageDigest sha256;
        private final LocalDate firstDay = LocalDate.of(2016, 11, 25);
        private final int days = 3652;

        Fill(Connection c, boolean postgres, int studies, int patients, long seed, String area) throws Exception {
            this.c = c;
            this.postgres = postgres;
            this.studies = studies;
            this.patients = Math.min(patients, studies);
            this.area = area;
            this.random = new Random(seed);
            this.sha256 = MessageDigest.getInstance("SHA-256");
            patientOf = new int[studies];
            seriesOf = new int[studies];
            instancesOf = new int[studies];
            modalityOf = new int[studies];
            // every patient has a study; the other studies go to patients drawn with a skew (follow-ups: some
            // patients have many studies), then the study order is shuffled so a patient's studies spread over time
            for (int k = 0; k < studies; k++) {
                patientOf[k] = k < this.patients ? k : (int) (this.patients * Math.pow(random.nextDouble(), 1.3));
            }
            for (int k = studies - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = patientOf[k];
                patientOf[k] = patientOf[j];
                patientOf[j] = t;
            }
            // 10 instances per study on average, exactly: pairs of studies of 10 + d and 10 - d (d = 0..6)
            for (int k = 0; k < studies; k += 2) {
                int d = random.nextInt(7);
                instancesOf[k] = 10 + d;
                if (k + 1 < studies) {
                    instancesOf[k + 1] = 10 - d;
                } else {
                    instancesOf[k] = 10;
                }
            }
            int weights = Arrays.stream(MODALITIES).mapToInt(m -> (Integer) m[1]).sum();
            for (int k = 0; k < studies; k++) {
                int w = random.nextInt(weights);
                int m = 0;
                while (w >= (Integer) MODALITIES[m][1]) {
                    w -= (Integer) MODALITIES[m][1];
                    m++;
                }
                modalityOf[k] = m;
                int r = random.nextInt(10);
                seriesOf[k] = Math.min(instancesOf[k], r < 3 ? 1 : r < 7 ? 2 : 3);
            }
        }

        void run(String factsFile) throws Exception {
            long t0 = System.nanoTime();
            patientBase = max("patient");
            studyBase = max("study");
            seriesBase = max("series");
            instanceBase = max("instance");
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM study WHERE study_instance_uid LIKE '" + UID_ROOT + ".1.%'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("this index was filled already (" + rs.getLong(1) + " studies under "
                            + UID_ROOT + "): start from an empty one");
                }
            }
            int[] patientStudies = new int[patients];
            int[] patientSeries = new int[patients];
            int[] patientInstances = new int[patients];
            for (int k = 0; k < studies; k++) {
                patientStudies[patientOf[k]]++;
                patientSeries[patientOf[k]] += seriesOf[k];
                patientInstances[patientOf[k]] += instancesOf[k];
            }
            String[] names = new String[patients];
            String[] birth = new String[patients];
            String[] sex = new String[patients];
            insertPatients(names, birth, sex, patientStudies, patientSeries, patientInstances);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "patients: %,d in %.1f s%n", patients, (t1 - t0) / 1e9);
            Map<String, String> facts = insertStudies(names, birth, sex);
            long t2 = System.nanoTime();
            restartIdentities();
            analyze();
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "studies: %,d, series: %s, instances: %s in %.1f s; identities and"
                    + " statistics %.1f s; total %.1f s%n", studies, facts.get("series.total"), facts.get("instances.total"),
                    (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9);
            // a patient with several studies for the spot checks (the one with the most)
            int known = 0;
            for (int p = 1; p < patients; p++) {
                if (patientStudies[p] > patientStudies[known]) {
                    known = p;
                }
            }
            facts.put("patient.id", patientId(known));
            facts.put("patient.name", names[known]);
            facts.put("patient.studies", Integer.toString(patientStudies[known]));
            facts.put("patient.series", Integer.toString(patientSeries[known]));
            facts.put("patient.instances", Integer.toString(patientInstances[known]));
            facts.put("name.prefix", MatchKey.foldCase(names[known].substring(0, 2)));
            // an accented name key for the ISO_IR 192 spot check, and how many patients MatchKey says it matches
            String key = "müller*";
            MatchKey m = MatchKey.of(io.tessera.dicom.data.VR.PN, key, MatchKey.CaseRule.INSENSITIVE);
            facts.put("name.key", key);
            facts.put("name.patients", Long.toString(Arrays.stream(names).filter(m::matches).count()));
            facts.put("seconds", String.format(Locale.ROOT, "%.1f", (t3 - t0) / 1e9));
            if (factsFile != null) {
                StringBuilder sb = new StringBuilder();
                facts.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
                Files.writeString(Path.of(factsFile), sb.toString(), StandardCharsets.UTF_8);
            }
        }

        private long max(String table) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private String patientId(int p) {
            return String.format(Locale.ROOT, "SC%07d", p + 1);
        }

        private void insertPatients(String[] names, String[] birth, String[] sex, int[] studies, int[] series,
                                    int[] instances) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient (id, patient_id, issuer_of_patient_id,"
                    + " patient_name, name_key_alphabetic, name_key_ideographic, name_key_phonetic, birth_date, birth_time,"
                    + " sex, num_studies, num_series, num_instances, created_at, updated_at)"
                    + " VALUES (?, ?, '', ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)")) {
                OffsetDateTime created = OffsetDateTime.of(2016, 11, 25, 8, 0, 0, 0, ZoneOffset.UTC);
                for (int p = 0; p < patients; p++) {
                    String family = FAMILY[random.nextInt(FAMILY.length)];
                    String given = GIVEN[random.nextInt(GIVEN.length)];
                    int r = random.nextInt(20);
                    // most "Family^Given"; some with a middle initial, a few upper-cased as older modalities send
                    names[p] = r == 0 ? (family + "^" + given).toUpperCase(Locale.ROOT)
                            : r < 4 ? family + "^" + given + "^" + (char) ('A' + random.nextInt(26)) : family + "^" + given;
                    LocalDate b = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(90 * 365));
                    birth[p] = b.toString().replace("-", "");
                    sex[p] = random.nextInt(50) == 0 ? "O" : random.nextBoolean() ? "F" : "M";
                    String[] keys = MatchKey.personNameIndexKeys(names[p]);
                    int i = 1;
                    ps.setLong(i++, patientBase + p + 1);
                    ps.setString(i++, patientId(p));
                    ps.setString(i++, names[p]);
                    ps.setString(i++, keys[0]);
                    ps.setString(i++, keys[1]);
                    ps.setString(i++, keys[2]);
                    ps.setString(i++, birth[p]);
                    ps.setString(i++, sex[p]);
                    ps.setInt(i++, studies[p]);
                    ps.setInt(i++, series[p]);
                    ps.setInt(i++, instances[p]);
                    ps.setObject(i++, created);
                    ps.setObject(i, created);
                    ps.addBatch();
                    if ((p + 1) % 5000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }

        private Map<String, String> insertStudies(String[] names, String[] birth, String[] sex) throws Exception {
            Map<String, String> facts = new LinkedHashMap<>();
            long seriesId = seriesBase;
            long instanceId = instanceBase;
            long instancesTotal = 0;
            String factDate = null;
            int[] dayOf = new int[studies];
            try (PreparedStatement st = c.prepareStatement("INSERT INTO study (id, patient_fk, study_instance_uid,"
                    + " study_date, study_time, accession_number, referring_physician_name, study_description, study_id,"
                    + " patient_age, patient_size, patient_weight, modalities_in_study, specific_character_set, num_series,"
                    + " num_instances, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement se = c.prepareStatement("INSERT INTO series (id, study_fk, series_instance_uid, modality,"
                    + " series_number, series_date, series_time, body_part_examined, series_description, source_ae,"
                    + " num_instances, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement in = c.prepareStatement("INSERT INTO instance (id, series_fk, sop_instance_uid,"
                    + " sop_class_uid, instance_number, instance_creation_date, instance_creation_time, samples_per_pixel,"
                    + " pixel_rows, pixel_columns, bits_allocated, bits_stored, pixel_representation, number_of_frames,"
                    + " overlay_number, curve_number, lut_number, storage_area, file_path, file_size, storage_format,"
                    + " transfer_syntax_uid, digest, source_ae, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, 'PART10', ?, ?, ?, ?)")) {
                long t0 = System.nanoTime();
                for (int k = 0; k < studies; k++) {
                    int p = patientOf[k];
                    Object[] mod = MODALITIES[modalityOf[k]];
                    String modality = (String) mod[0];
                    // received in date order over ten years (ids grow with time, as in an archive that has been
                    // running), the day drawn around the study's place in that order
                    int day = Math.max(0, Math.min(days - 1, (int) ((long) k * days / studies) + random.nextInt(5) - 2));
                    LocalDate date = firstDay.plusDays(day);
                    String da = date.toString().replace("-", "");
                    int minute = 7 * 60 + random.nextInt(12 * 60);
                    String tm = String.format(Locale.ROOT, "%02d%02d%02d", minute / 60, minute % 60, random.nextInt(60));
                    OffsetDateTime received = date.atTime(minute / 60, minute % 60).plusMinutes(20).atOffset(ZoneOffset.UTC);
                    String studyUid = UID_ROOT + ".1." + (k + 1);
                    int series = seriesOf[k];
                    // PET studies come with their CT; the other studies are of one modality
                    String[] seriesModality = new String[series];
                    Arrays.fill(seriesModality, modality);
                    if (modality.equals("PT") && series > 1) {
                        seriesModality[0] = "CT";
                    }
                    String modalities = String.join("\\", new TreeSet<>(Arrays.asList(seriesModality)));
                    String physician = PHYSICIANS[random.nextInt(PHYSICIANS.length)];
                    String[] descriptions = DESCRIPTIONS.get(modality);
                    String description = descriptions[random.nextInt(descriptions.length)];
                    boolean latin1 = !isAscii(names[p]) || !isAscii(physician);
                    int age = Math.max(0, date.getYear() - Integer.parseInt(birth[p].substring(0, 4)));
                    long studyId = studyBase + k + 1;
                    int i = 1;
                    st.setLong(i++, studyId);
                    st.setLong(i++, patientBase + p + 1);
                    st.setString(i++, studyUid);
                    st.setString(i++, da);
                    st.setString(i++, tm);
                    st.setString(i++, String.format(Locale.ROOT, "A%09d", k + 1));
                    st.setString(i++, physician);
                    st.setString(i++, description);
                    st.setString(i++, Integer.toString(k % 100000 + 1));
                    st.setString(i++, String.format(Locale.ROOT, "%03dY", age));
                    st.setString(i++, String.format(Locale.ROOT, "%.2f", 1.50 + random.nextInt(45) / 100.0));
                    st.setString(i++, Integer.toString(45 + random.nextInt(70)));
                    st.setString(i++, modalities);
                    st.setString(i++, latin1 ? "ISO_IR 100" : null);
                    st.setInt(i++, series);
                    st.setInt(i++, instancesOf[k]);
                    st.setObject(i++, received);
                    st.setObject(i, received);
                    st.addBatch();
                    if (k == studies / 2) {
                        facts.put("study.uid", studyUid);
                        facts.put("study.series", Integer.toString(series));
                        facts.put("study.instances", Integer.toString(instancesOf[k]));
                        factDate = da;
                    }
                    dayOf[k] = day;
                    String body = BODY_PARTS[random.nextInt(BODY_PARTS.length)];
                    int left = instancesOf[k];
                    for (int j = 0; j < series; j++) {
                        int n = j == series - 1 ? left : Math.max(1, instancesOf[k] / series);
                        left -= n;
                        String seriesUid = studyUid + "." + (j + 1);
                        String sourceAe = seriesModality[j] + "01";
                        String stm = String.format(Locale.ROOT, "%02d%02d%02d", (minute + j + 1) / 60 % 24, (minute + j + 1) % 60,
                                random.nextInt(60));
                        long sid = ++seriesId;
                        i = 1;
                        se.setLong(i++, sid);
                        se.setLong(i++, studyId);
                        se.setString(i++, seriesUid);
                        se.setString(i++, seriesModality[j]);
                        se.setInt(i++, j + 1);
                        se.setString(i++, da);
                        se.setString(i++, stm);
                        se.setString(i++, body);
                        se.setString(i++, seriesModality[j] + " " + description.substring(description.indexOf(' ') + 1)
                                + " " + (j + 1));
                        se.setString(i++, sourceAe);
                        se.setInt(i++, n);
                        se.setObject(i++, received);
                        se.setObject(i, received);
                        se.addBatch();
                        Object[] smod = seriesModality[j].equals(modality) ? mod : MODALITIES[0];
                        for (int x = 1; x <= n; x++) {
                            String sop = seriesUid + "." + x;
                            String digest = HexFormat.of().formatHex(sha256.digest(sop.getBytes(StandardCharsets.US_ASCII)));
                            i = 1;
                            in.setLong(i++, ++instanceId);
                            in.setLong(i++, sid);
                            in.setString(i++, sop);
                            in.setString(i++, (String) smod[2]);
                            in.setInt(i++, x);
                            in.setString(i++, da);
                            in.setString(i++, stm);
                            in.setInt(i++, (Integer) smod[6]);
                            in.setInt(i++, (Integer) smod[3]);
                            in.setInt(i++, (Integer) smod[4]);
                            in.setInt(i++, (Integer) smod[5] > 8 ? 16 : 8);
                            in.setInt(i++, (Integer) smod[5]);
                            in.setInt(i++, 0);
                            if (smod[8] == null) {
                                in.setNull(i++, java.sql.Types.INTEGER);
                            } else {
                                in.setInt(i++, (Integer) smod[8]);
                            }
                            in.setString(i++, area);
                            in.setString(i++, studyUid + "/" + seriesUid + "/" + sop + "." + digest.substring(0, 8) + ".dcm");
                            in.setLong(i++, (Integer) smod[7] + random.nextInt(2048));
                            in.setString(i++, EXPLICIT_VR_LE);
                            in.setString(i++, digest);
                            in.setString(i++, sourceAe);
                            in.setObject(i, received.plusSeconds(x));
                            in.addBatch();
                            instancesTotal++;
                        }
                    }
                    if ((k + 1) % CHUNK == 0 || k == studies - 1) {
                        st.executeBatch();
                        se.executeBatch();
                        in.executeBatch();
                        c.commit();
                        if ((k + 1) % 10000 == 0) {
                            double s = (System.nanoTime() - t0) / 1e9;
                            System.out.printf(Locale.ROOT, "  %,d studies, %,d instances, %.0f s (%,.0f instances/s)%n", k + 1,
                                    instancesTotal, s, instancesTotal / s);
                        }
                    }
                }
            }
            facts.put("series.total", Long.toString(seriesId - seriesBase));
            facts.put("instances.total", Long.toString(instancesTotal));
            int factDay = dayOf[studies / 2];
            facts.put("date", factDate);
            facts.put("date.studies", Long.toString(Arrays.stream(dayOf).filter(d -> d == factDay).count()));
            facts.put("uid.root", UID_ROOT);
            return facts;
        }

        /** The next identity the store service gets is past the rows written here. */
        private void restartIdentities() throws SQLException {
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"patient", "study", "series", "instance"}) {
                    long next = max(table) + 1;
                    if (postgres) {
                        s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + (next - 1) + ")");
                    } else {
                        s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
                    }
                }
            }
            c.commit();
        }

        /** The planner's statistics for the new size (PostgreSQL's autovacuum would get there, later). */
        private void analyze() throws SQLException {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                if (postgres) {
                    s.execute("VACUUM ANALYZE");
                } else {
                    s.execute("ANALYZE");
                }
            }
        }
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(ch -> ch < 0x80);
    }

    private static String option(String[] args, String name, String def) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
    }
}
