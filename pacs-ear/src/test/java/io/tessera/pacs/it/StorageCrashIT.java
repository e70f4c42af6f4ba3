package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of the server while four dcmtk storescu associations send 1,000 instances; after the restart every
 * instance that was answered 0000 is indexed with a byte-identical file, no index row lacks its file, nothing
 * half-written is left, and re-sending the rest succeeds. On PostgreSQL and on H2 (the default, whose commits reach
 * its file before they return: WRITE_DELAY=0), each read directly by the test — H2's file only while the server is
 * down, since the server holds it open.
 * The store forces a file after its rename, while the index transaction runs (which commits only once the file is
 * on disk), so the test also checks what that protocol promises: right after the kill, every index row's file has
 * the digest the row records; and a file renamed but cut short by a crash of the machine (made here: half a file
 * under a final name, with the marker the store leaves) is deleted at start-up, not indexed.
 * Port offset 700 (management 10690), DICOM 11912, PostgreSQL 15434; the two runs one after the other.
 */
class StorageCrashIT {
    private static final int DICOM_PORT = 11912;
    private static final String ROOT = "1.2.826.0.1.3680043.10.99";

    /** The index as the test reads it: {@code query} returns one column; rows joined by newlines. */
    private interface Index extends AutoCloseable {
        String sql(String query) throws Exception;

        /** Whether the server holds the index so that the test can read it only while the server is down. */
        boolean heldByServer();

        @Override
        void close();
    }

    /** PostgreSQL (Debian's, on loopback) through psql. */
    private static Index postgres() {
        PostgreSqlServer postgres = new PostgreSqlServer(
                Path.of(System.getProperty("java.io.tmpdir"), "tessera-storage-crash-it"), 15434);
        postgres.start();
        return new Index() {
            public String sql(String query) {
                return postgres.sql(PostgreSqlServer.DATABASE, query);
            }

            public boolean heldByServer() {
                return false;
            }

            public void close() {
                postgres.close();
            }
        };
    }

    /** The H2 file the server writes, opened with the H2 driver WildFly ships (the server must be down). */
    private static Index h2(Path dataDir) throws Exception {
        Path jar;
        try (Stream<Path> found = Files.walk(TestEnvironment.wildflyHome().resolve("modules/system/layers/base/com/h2database"))) {
            jar = found.filter(p -> p.getFileName().toString().matches("h2-.*\\.jar")).findFirst().orElseThrow();
        }
        java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader()); // java.sql, and no other H2 than WildFly's
        java.sql.Driver driver = (java.sql.Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", "sa");
        login.setProperty("password", "sa");
        String url = "jdbc:h2:" + dataDir.resolve("db/pacs") + ";IFEXISTS=TRUE";
        return new Index() {
            public String sql(String query) throws Exception {
                List<String> rows = new ArrayList<>();
                try (java.sql.Connection c = driver.connect(url, login); java.sql.Statement st = c.createStatement();
                     java.sql.ResultSet rs = st.executeQuery(query)) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                return String.join("\n", rows);
            }

            public boolean heldByServer() {
                return true;
            }

            public void close() {
                try {
                    loader.close();
                } catch (java.io.IOException e) {
                    // the test's own class loader: nothing to keep
                }
            }
        };
    }

    @ParameterizedTest(name = "index on {0}")
    @ValueSource(strings = {"postgresql", "h2"})
    void acknowledgedInstancesSurviveKillMinus9(String database) throws Exception {
        Path data = TestEnvironment.dataDir().resolveSibling("storage-crash-it-" + database);
        PostgreSqlServer.deleteTree(data);
        List<Path> files = TestImages.ct(data.resolve("images"), ROOT, 1000, 10, 256);
        boolean onPostgres = database.equals("postgresql");
        try (Index index = onPostgres ? postgres() : h2(data)) {
            ManagementClient.addUser(data);
            PacsServerProcess server = new PacsServerProcess(data, 700, DICOM_PORT, onPostgres ? Map.of("TESSERA_DB",
                    "postgresql", "TESSERA_DB_HOST", "127.0.0.1", "TESSERA_DB_PORT", "15434", "TESSERA_DB_NAME",
                    PostgreSqlServer.DATABASE, "TESSERA_DB_USER", PostgreSqlServer.USER, "TESSERA_DB_PASSWORD",
                    PostgreSqlServer.PASSWORD) : Map.of("TESSERA_DB", "h2"));
            try {
                server.start();
                try (ManagementClient jmx = ManagementClient.connect(700)) {
                    jmx.addOrUpdateAe("MODALITY", 0, true, null);
                }

                List<Process> senders = new ArrayList<>();
                List<Path> logs = new ArrayList<>();
                for (int a = 0; a < 4; a++) {
                    Path log = data.resolve("storescu-" + a + ".log");
                    List<String> command = new ArrayList<>(List.of("storescu", "-v", "-aet", "MODALITY", "-aec", "TESSERA",
                            "127.0.0.1", Integer.toString(DICOM_PORT)));
                    files.subList(a * 250, (a + 1) * 250).forEach(f -> command.add(f.toString()));
                    senders.add(Dcmtk.start(log, command.toArray(String[]::new)));
                    logs.add(log);
                }
                // kill when about a fifth has been acknowledged: well inside the ingest
                long deadline = System.currentTimeMillis() + 120_000;
                while (acknowledged(logs).size() < 200 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                server.kill();
                for (Process p : senders) {
                    p.waitFor();
                }
                Set<Path> acked = acknowledged(logs);
                assertTrue(acked.size() >= 200 && acked.size() < 1000, "killed mid-ingest: " + acked.size() + " acknowledged");

                // before any reconciliation: an index row is committed only for a file complete on disk
                for (String row : index.sql("SELECT storage_area || '/' || file_path || ' ' || digest FROM instance").lines().toList()) {
                    String[] pathAndDigest = row.split(" ");
                    assertEquals(pathAndDigest[1], sha256(StorageIT.dataSet(Path.of(pathAndDigest[0]))),
                            "indexed file complete: " + row);
                }
                // what a crash of the machine can leave: renamed, not yet forced, cut short; its marker names it
                Path notAcked = files.stream().filter(f -> !acked.contains(f)).reduce((a, b) -> b).orElseThrow();
                String notAckedUid = ROOT + ".3." + notAcked.getFileName().toString().replace(".dcm", "");
                Path cutShort = data.resolve("archive/crash-it/cut-short.dcm");
                Files.createDirectories(cutShort.getParent());
                byte[] whole = Files.readAllBytes(notAcked);
                Files.write(cutShort, java.util.Arrays.copyOf(whole, whole.length / 2));
                Files.writeString(data.resolve("archive/.incoming/crash-it.target"), String.join("\n", "crash-it/cut-short.dcm",
                        "1.2.840.10008.1.2.1", sha256(StorageIT.dataSet(notAcked)), Integer.toString(whole.length), "PART10", "MODALITY"));
                boolean notAckedIndexed = !index.sql(String.format(
                        "SELECT 1 FROM instance WHERE sop_instance_uid = '%s'", notAckedUid)).isEmpty();

                server.start();
                assertTrue(!Files.exists(cutShort), "a renamed file cut short is deleted by reconciliation");
                assertTrue(Files.readString(data.resolve("wildfly/log/server.log"), java.nio.charset.StandardCharsets.ISO_8859_1).contains("1 unacknowledged file(s) cut short deleted"),
                        "reconciliation logs the file cut short");
                if (index.heldByServer()) {
                    server.stop(); // H2: the test reads the file the server holds
                }
                if (!notAckedIndexed) {
                    assertEquals("", index.sql(String.format(
                            "SELECT file_path FROM instance WHERE sop_instance_uid = '%s'", notAckedUid)),
                            "a file cut short is not indexed");
                }
                String sql = "SELECT storage_area || '/' || file_path FROM instance WHERE sop_instance_uid = '%s'";
                for (Path f : acked) {
                    String iuid = ROOT + ".3." + f.getFileName().toString().replace(".dcm", "");
                    String stored = index.sql(String.format(sql, iuid));
                    assertTrue(!stored.isEmpty(), "acknowledged " + iuid + " is indexed");
                    assertArrayEquals(StorageIT.dataSet(f), StorageIT.dataSet(Path.of(stored)), iuid + " byte-identical");
                }
                for (String path : index.sql("SELECT storage_area || '/' || file_path FROM instance").lines().toList()) {
                    assertTrue(Files.exists(Path.of(path)), "no index row without its file: " + path);
                }
                try (Stream<Path> incoming = Files.list(data.resolve("archive/.incoming"))) {
                    assertEquals(List.of(), incoming.toList(), "nothing half-written left after reconciliation");
                }

                if (index.heldByServer()) {
                    server.start();
                }
                List<Path> rest = files.stream().filter(f -> !acked.contains(f)).toList();
                List<String> command = new ArrayList<>(List.of("storescu", "-v", "-aet", "MODALITY", "-aec", "TESSERA",
                        "127.0.0.1", Integer.toString(DICOM_PORT)));
                rest.forEach(f -> command.add(f.toString()));
                Dcmtk.Result resent = Dcmtk.run(command.toArray(String[]::new));
                assertEquals(rest.size(), resent.output().lines().filter(l -> l.contains("(Success)")).count(), resent.output());
                if (index.heldByServer()) {
                    server.stop();
                }
                assertEquals("1000", index.sql("SELECT count(*) FROM instance"));
                assertEquals("1000", index.sql("SELECT sum(num_instances) FROM study"));
            } finally {
                server.stop();
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The files storescu reported "Received Store Response (Success)" for. */
    private static Set<Path> acknowledged(List<Path> logs) throws java.io.IOException {
        Set<Path> acked = new HashSet<>();
        for (Path log : logs) {
            if (!Files.exists(log)) {
                continue;
            }
            Path sending = null;
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("I: Sending file: ")) {
                    sending = Path.of(line.substring("I: Sending file: ".length()).strip());
                } else if (line.contains("Received Store Response (Success)") && sending != null) {
                    acked.add(sending);
                }
            }
        }
        return acked;
    }
}
