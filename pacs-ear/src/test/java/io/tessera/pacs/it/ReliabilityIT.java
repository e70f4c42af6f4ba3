package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.testkit.PduFuzzer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The reliability suite of issue 9 against one running PACS ({@code ./tessera serve}), driven by dcmtk:
 * <ol>
 * <li>16 concurrent storescu associations → nothing lost, nothing duplicated (storescu's log, findscu, the storage
 * tree, the data sets byte for byte);</li>
 * <li>a storage area that fills up (a small tmpfs, or a loop mount) → A700 with an Error Comment for what does not
 * fit, nothing half-written, no index row, no descriptor left open on it, and the server goes on;</li>
 * <li>the PDU fuzzer against the server's DICOM port while dcmtk's echoscu and storescu keep succeeding;</li>
 * <li>threads, open file descriptors and heap after GC sampled before and after each part, back near the baseline.</li>
 * </ol>
 * Sizes are system properties (docs/reliability.md): {@code reliability.associations} (16),
 * {@code reliability.instances} per association (60; the long run 1000), {@code reliability.fuzz.seconds} (60; the
 * long run 600), {@code reliability.db} (h2 or postgresql). Port offset 1600 (management 11590), DICOM 12712,
 * PostgreSQL 15445. The figures go to {@code target/reliability/figures.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {
    static final int OFFSET = 1600;
    static final int DICOM_PORT = 12712;
    static final int POSTGRES_PORT = 15445;
    private static final String ROOT = "1.2.826.0.1.3680043.10.160";
    private static final Pattern SOP_INSTANCE_UID = Pattern.compile("\\(0008,0018\\) UI \\[([0-9.]+)\\x00?\\]");
    private static final Pattern STATUS = Pattern.compile("DIMSE Status\\s+: 0x([0-9a-fA-F]{4})");
    private static final Pattern ERROR_COMMENT = Pattern.compile("\\(0000,0902\\) LO \\[([^\\]]*)\\]");
    /** Tolerances of the stability check: see docs/reliability.md, "Thread, descriptor and heap stability". */
    static final int THREAD_TOLERANCE = 4;
    static final int FD_TOLERANCE = 16;
    static final long HEAP_TOLERANCE_BYTES = 32L << 20;

    private final int associations = Integer.getInteger("reliability.associations", 16);
    private final int instancesPerAssociation = Integer.getInteger("reliability.instances", 60);
    private final int fuzzSeconds = Integer.getInteger("reliability.fuzz.seconds", 60);
    private final String db = System.getProperty("reliability.db", "h2");

    private Path data;
    private PostgreSqlServer postgres;
    private PacsServerProcess server;
    private ManagementClient jmx;
    private ReliabilityResources resources;
    private ReliabilityResources.Sample baseline;
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final Instant started = Instant.now();

    @BeforeAll
    void start() throws Exception {
        data = TestEnvironment.dataDir().resolveSibling("reliability-it");
        ReliabilityMount.unmountLeftover(data.resolve("small-area"));
        PostgreSqlServer.deleteTree(data);
        ManagementClient.addUser(data);
        Map<String, String> environment = Map.of();
        if (db.equals("postgresql")) {
            postgres = new PostgreSqlServer(Path.of(System.getProperty("java.io.tmpdir"), "tessera-reliability-it"), POSTGRES_PORT);
            postgres.start();
            environment = Map.of("TESSERA_DB", "postgresql", "TESSERA_DB_HOST", "127.0.0.1",
                    "TESSERA_DB_PORT", Integer.toString(POSTGRES_PORT), "TESSERA_DB_NAME", PostgreSqlServer.DATABASE,
                    "TESSERA_DB_USER", PostgreSqlServer.USER, "TESSERA_DB_PASSWORD", PostgreSqlServer.PASSWORD);
        }
        server = new PacsServerProcess(data, OFFSET, DICOM_PORT, environment);
        server.start();
        jmx = ManagementClient.connect(OFFSET);
        jmx.addOrUpdateAe("MODALITY", 0, true, null);
        resources = new ReliabilityResources(jmx.mbeans());
        warmUp();
        baseline = resources.sample("baseline (after warm-up)");
    }

    /**
     * The same kinds of work as the parts, at the same concurrency, before the baseline: classes load, caches fill and
     * the container starts what it starts on first use (pool workers come and go with the load; see
     * ReliabilityResources). The stability check is about what grows after that.
     */
    private void warmUp() throws Exception {
        List<Path> files = TestImages.ct(data.resolve("warm-up"), ROOT + ".9", associations * 4, 2, 64);
        List<Process> senders = new ArrayList<>();
        for (int a = 0; a < associations; a++) {
            senders.add(storescu(data.resolve("warm-up-" + a + ".log"), "MODALITY", files.subList(a * 4, a * 4 + 4)));
        }
        fuzz(Duration.ofSeconds(5), 8, 99, new ConcurrentHashMap<>());
        for (Process p : senders) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "warm-up storescu");
        }
        assertTrue(Dcmtk.run("echoscu", "-aet", "MODALITY", "127.0.0.1", Integer.toString(DICOM_PORT)).ok());
        find(ROOT + ".9.1.1");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (resources != null) {
                writeFigures();
            }
        } finally {
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
    }

    // ---- 1. concurrent associations ----

    @Test
    @Order(1)
    void concurrentAssociationsLoseAndDuplicateNothing() throws Exception {
        int total = associations * instancesPerAssociation;
        int studies = Math.max(1, Math.min(associations, 16));
        // instance n belongs to study (n-1) % studies + 1, and every association starts at a multiple of its share:
        // all of them begin with the same new patient, study and series at the same moment (the index's races)
        List<Path> files = TestImages.ct(data.resolve("concurrent"), ROOT + ".1", total, studies, 256);
        long storedBefore = ((Number) jmx.get("Storage", "InstancesStored")).longValue();
        Map<String, Long> failuresBefore = failures();

        Instant t0 = Instant.now();
        List<Process> senders = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int a = 0; a < associations; a++) {
            Path log = data.resolve("concurrent-" + a + ".log");
            Files.deleteIfExists(log);
            logs.add(log);
            senders.add(storescu(log, "MODALITY", files.subList(a * instancesPerAssociation, (a + 1) * instancesPerAssociation)));
        }
        long timeout = 120 + total / 10; // far above 10 images/s
        List<Integer> exits = new ArrayList<>();
        for (Process p : senders) {
            if (!p.waitFor(Math.max(1, timeout - Duration.between(t0, Instant.now()).toSeconds()), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                exits.add(-1);
            } else {
                exits.add(p.exitValue());
            }
        }
        Duration took = Duration.between(t0, Instant.now());

        Map<Path, String> responses = new HashMap<>();
        for (Path log : logs) {
            responses.putAll(storeResponses(log));
        }
        List<Path> acked = files.stream().filter(f -> "Success".equals(responses.get(f))).toList();
        Map<String, Long> notAcked = files.stream().filter(f -> !"Success".equals(responses.get(f)))
                .collect(Collectors.groupingBy(f -> String.valueOf(responses.get(f)), TreeMap::new, Collectors.counting()));
        figures.put("concurrent", String.format("%d associations × %d instances (%d × %d KiB CT, %d studies): %d answered 0000"
                        + " in %.1f s (%.0f images/s); not acknowledged: %s; storescu exit codes %s",
                associations, instancesPerAssociation, total, Files.size(files.get(0)) >> 10, studies, acked.size(),
                took.toMillis() / 1000.0, acked.size() * 1000.0 / Math.max(1, took.toMillis()),
                notAcked.isEmpty() ? "none" : notAcked, exits));
        assertEquals(Map.of(), notAcked, "every instance answered 0000; see " + data.resolve("concurrent-*.log"));
        assertTrue(exits.stream().allMatch(e -> e == 0), "storescu exit codes " + exits);

        // the index, as a workstation sees it: exactly one C-FIND response per acknowledged instance
        Map<String, Integer> indexed = new HashMap<>();
        for (int s = 1; s <= studies; s++) {
            for (String iuid : find(ROOT + ".1.1." + s)) {
                indexed.merge(iuid, 1, Integer::sum);
            }
        }
        // the storage tree: exactly one file per acknowledged instance, the data set byte for byte as sent
        Path area = Path.of((String) jmx.get("Storage", "DefaultArea"));
        Map<String, List<Path>> stored = storedFiles(area);
        for (Path f : acked) {
            String iuid = iuid(f);
            assertEquals(1, indexed.getOrDefault(iuid, 0), "C-FIND responses for " + iuid);
            List<Path> copies = stored.getOrDefault(iuid, List.of());
            assertEquals(1, copies.size(), "files for " + iuid + ": " + copies);
            assertArrayEquals(StorageIT.dataSet(f), StorageIT.dataSet(copies.get(0)), iuid + " stored byte-identical");
        }
        long ours = indexed.keySet().stream().filter(u -> u.startsWith(ROOT + ".1.3.")).count();
        long ourFiles = stored.keySet().stream().filter(u -> u.startsWith(ROOT + ".1.3.")).count();
        assertEquals(total, ours, "index rows of this part");
        assertEquals(total, ourFiles, "files of this part");
        assertEquals(List.of(), incomingLeftovers(area), "nothing half-written in " + area.resolve(".incoming"));
        long storedAfter = ((Number) jmx.get("Storage", "InstancesStored")).longValue();
        assertEquals(total, storedAfter - storedBefore, "the Storage MBean counted each instance once");
        assertEquals(failuresBefore, failures(), "no C-STORE failure counted");
        figures.put("concurrent check", String.format("C-FIND IMAGE level: %d distinct SOP Instance UIDs, %d responses;"
                        + " storage tree: %d files of this part, each byte-identical after the meta header; .incoming empty;"
                        + " Storage MBean +%d", ours, indexed.values().stream().mapToInt(Integer::intValue).sum(), ourFiles,
                storedAfter - storedBefore));
        resources.sample("after concurrent associations");
    }

    // ---- 2. a full storage area ----

    @Test
    @Order(2)
    void aFullStorageAreaIsA700AndTheServerGoesOn() throws Exception {
        int megabytes = 20;
        ReliabilityMount.Attempt attempt = ReliabilityMount.mount(data.resolve("small-area"), megabytes);
        assumeTrue(attempt.mount() != null, "A full storage area needs a small file system of its own, which needs root"
                + " (mount -t tmpfs, or a loop mount); neither worked here: " + attempt.failure());
        try (ReliabilityMount mount = attempt.mount()) {
            jmx.addOrUpdateAe("SMALL_AREA", 0, true, mount.path().toString());
            // 514 KiB images: about 39 fit in 20 MiB; send twice as many on one association
            int count = megabytes * 4;
            List<Path> files = TestImages.ct(data.resolve("full"), ROOT + ".2", count, 1, 512);
            Map<String, Long> failuresBefore = failures();
            Path log = data.resolve("full.log");
            Process p = storescu(log, "SMALL_AREA", files, "-d", "--no-halt");
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "storescu into the small area finished");
            Map<Path, String[]> results = storeResults(log);

            List<Path> stored = files.stream().filter(f -> "0000".equals(status(results, f))).toList();
            List<Path> refused = files.stream().filter(f -> "a700".equalsIgnoreCase(status(results, f))).toList();
            List<Path> other = files.stream().filter(f -> !stored.contains(f) && !refused.contains(f)).toList();
            figures.put("full area", String.format("%s mounted as the archive directory of AE SMALL_AREA; %d × %d KiB sent on"
                            + " one association: %d answered 0000, %d answered A700, %d other; first Error Comment: \"%s\"",
                    mount.kind(), count, Files.size(files.get(0)) >> 10, stored.size(), refused.size(), other.size(),
                    refused.isEmpty() ? "" : results.get(refused.get(0))[1]));
            assertEquals(List.of(), other, "every image answered 0000 or A700; see " + log);
            assertTrue(stored.size() >= megabytes, stored.size() + " stored before the area was full");
            assertTrue(refused.size() >= count / 3, refused.size() + " refused once the area was full");
            for (Path f : refused) {
                String comment = results.get(f)[1];
                assertTrue(comment != null && !comment.isBlank(), "A700 with an Error Comment for " + f);
            }
            assertEquals(refused.size(), failures().getOrDefault("A700", 0L) - failuresBefore.getOrDefault("A700", 0L),
                    "the Storage MBean counted each A700");

            // nothing half-written, no index row, no file, no descriptor still open on the full area
            assertEquals(List.of(), incomingLeftovers(mount.path()), "no temporary file left in the full area");
            Map<String, List<Path>> inArea = storedFiles(mount.path());
            Set<String> indexed = Set.copyOf(find(ROOT + ".2.1.1"));
            for (Path f : stored) {
                assertEquals(1, inArea.getOrDefault(iuid(f), List.of()).size(), "one file for " + iuid(f));
                assertTrue(indexed.contains(iuid(f)), iuid(f) + " indexed");
            }
            for (Path f : refused) {
                assertTrue(!inArea.containsKey(iuid(f)), "no file for refused " + iuid(f));
                assertTrue(!indexed.contains(iuid(f)), "no index row for refused " + iuid(f));
            }
            assertEquals(stored.size(), indexed.size(), "index rows in the small area");
            assertEquals(List.of(), resources.openFilesUnder(mount.path()), "no descriptor left open in the full area");
            long storedBytes = 0;
            for (List<Path> copies : inArea.values()) {
                for (Path c : copies) {
                    storedBytes += Files.size(c);
                }
            }
            long used = mount.usedBytes();
            // df counts blocks, directories and (on a loop mount) the journal: but not a lost partial image
            assertTrue(used - storedBytes < 512 * 1024 + (mount.kind().startsWith("tmpfs") ? 256 * 1024 : 2 * 1024 * 1024),
                    "space used " + used + " vs stored files " + storedBytes + ": something deleted is still held");

            // the server goes on: C-ECHO, and storing into another area
            assertTrue(Dcmtk.run("echoscu", "-aet", "SMALL_AREA", "127.0.0.1", Integer.toString(DICOM_PORT)).ok());
            Path elsewhere = TestImages.ct(data.resolve("elsewhere"), ROOT + ".3", 1, 1, 64).get(0);
            Dcmtk.Result r = Dcmtk.run("storescu", "-v", "-aet", "MODALITY", "-aec", "TESSERA", "127.0.0.1",
                    Integer.toString(DICOM_PORT), elsewhere.toString());
            assertTrue(r.output().contains("Received Store Response (Success)"), r.output());
            assertEquals(List.of(iuid(elsewhere)), find(ROOT + ".3.1.1"));
            figures.put("full area check", String.format("no file, no index row (C-FIND) and nothing in .incoming for the"
                            + " refused images; no server descriptor open in the area; df used %d KiB for %d KiB of stored files;"
                            + " C-ECHO and a C-STORE into the default area succeed afterwards",
                    used >> 10, storedBytes >> 10));
            jmx.invoke("ApplicationEntities", "remove", "SMALL_AREA");
        }
        resources.sample("after full storage area");
    }

    // ---- 3. the PDU fuzzer against the running server ----

    @Test
    @Order(3)
    void malformedPdusAbortOnlyTheirOwnAssociation() throws Exception {
        Duration duration = Duration.ofSeconds(fuzzSeconds);
        // dcmtk's own associations all along: an echoscu and a storescu of a new image, one after the other
        int peerRounds = 2 * fuzzSeconds + 30; // a round (echo, store, 0.5 s pause) takes at least 0.5 s
        List<Path> images = TestImages.ct(data.resolve("during-fuzz"), ROOT + ".4", peerRounds, 1, 64);
        List<String> peerFailures = new CopyOnWriteArrayList<>();
        List<String> storedDuringFuzz = new CopyOnWriteArrayList<>();
        AtomicInteger echoes = new AtomicInteger();
        List<Long> peerMillis = new CopyOnWriteArrayList<>();
        ExecutorService peers = Executors.newSingleThreadExecutor();
        Instant end = Instant.now().plus(duration);
        Future<?> peer = peers.submit(() -> {
            int i = 0;
            while (Instant.now().isBefore(end) && i < images.size()) {
                long t = System.nanoTime();
                Dcmtk.Result echo = Dcmtk.run("echoscu", "-aet", "MODALITY", "127.0.0.1", Integer.toString(DICOM_PORT));
                if (echo.ok()) {
                    echoes.incrementAndGet();
                } else {
                    peerFailures.add(Instant.now() + " echoscu: " + echo.output());
                }
                Path image = images.get(i++);
                Dcmtk.Result store = Dcmtk.run("storescu", "-v", "-aet", "MODALITY", "-aec", "TESSERA", "127.0.0.1",
                        Integer.toString(DICOM_PORT), image.toString());
                if (store.ok() && store.output().contains("Received Store Response (Success)")) {
                    storedDuringFuzz.add(iuid(image));
                } else {
                    peerFailures.add(Instant.now() + " storescu: " + store.output());
                }
                peerMillis.add((System.nanoTime() - t) / 1_000_000);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        // a half-sent A-ASSOCIATE-RQ that stalls: the server's ARTIM timer (10 s) must close it, not the fuzz
        byte[] rq = PduFuzzer.validRq("MODALITY", "TESSERA");
        Socket stalled = new Socket("127.0.0.1", DICOM_PORT);
        stalled.getOutputStream().write(rq, 0, 40);
        Instant stalledSince = Instant.now();
        java.util.concurrent.CompletableFuture<String> stalledEnd = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (stalled; InputStream in = stalled.getInputStream()) {
                stalled.setSoTimeout(60_000);
                int b = in.read();
                return (b < 0 ? "closed without a reply" : "answered " + b) + " after "
                        + Duration.between(stalledSince, Instant.now()).toMillis() + " ms";
            } catch (IOException e) {
                return e.toString();
            }
        });

        Path serverLog = data.resolve("wildfly/log/server.log");
        long logBefore = Files.size(serverLog);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        Instant t0 = Instant.now();
        int cases = fuzz(duration, 4, 4711, outcomes);
        Duration took = Duration.between(t0, Instant.now());
        peer.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
        peers.shutdownNow();

        String stalledOutcome = stalledEnd.get(70, TimeUnit.SECONDS);

        long[] ms = peerMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        figures.put("fuzz", String.format("%d mutated PDUs in %.0f s on 4 connections at a time (%.0f/s): %s;"
                        + " meanwhile %d echoscu and %d storescu succeeded, %d failed (echo + store round %d ms median,"
                        + " %d ms max); the stalled half-sent A-ASSOCIATE-RQ was %s",
                cases, took.toMillis() / 1000.0, cases * 1000.0 / Math.max(1, took.toMillis()), new TreeMap<>(outcomes),
                echoes.get(), storedDuringFuzz.size(), peerFailures.size(), ms.length == 0 ? 0 : ms[ms.length / 2],
                ms.length == 0 ? 0 : ms[ms.length - 1], stalledOutcome));
        assertEquals(List.of(), peerFailures, "dcmtk's associations failed during the fuzz");
        // the ARTIM timer (10 s by default) ends it, as PS3.8 §9.1.5 has it: not the end of the fuzz
        assertTrue(stalledOutcome.startsWith("closed without a reply after ")
                && Long.parseLong(stalledOutcome.replaceAll("\\D", "")) < 20_000, "stalled connection: " + stalledOutcome);
        assertTrue(echoes.get() >= fuzzSeconds / 4, echoes.get() + " C-ECHOs during " + fuzzSeconds + " s");
        assertTrue(outcomes.getOrDefault("A-ABORT source 2 reason 1", new AtomicInteger()).get() >= cases / PduFuzzer.KINDS,
                "unrecognized PDUs are aborted: " + outcomes);
        assertEquals(Set.copyOf(storedDuringFuzz), Set.copyOf(find(ROOT + ".4.1.1")), "what was stored during the fuzz is indexed");
        // every malformed request got its answer from the code meant for it: no handler died of an unforeseen
        // exception (the network going away under a handler is foreseen)
        List<String> unforeseen = handlerFailures(serverLog, logBefore);
        figures.put("fuzz server log", unforeseen.size() + " unforeseen handler failures in server.log during the fuzz");
        assertEquals(List.of(), unforeseen.stream().limit(5).toList(), unforeseen.size() + " handler failures in " + serverLog);
        awaitQuiet();
        resources.sample("after fuzz");
    }

    // ---- 4. stability across the run ----

    @Test
    @Order(4)
    void threadsDescriptorsAndHeapAreBackNearTheBaseline() throws Exception {
        ReliabilityResources.Sample after = resources.sample("end of run");
        // the raw count follows the pools' recent load (workers end 60 s after their last task): reported, not compared
        assertTrue(after.workingThreads() <= baseline.workingThreads() + THREAD_TOLERANCE,
                "working threads " + baseline.workingThreadNames() + " → " + after.workingThreadNames());
        assertTrue(after.fds() <= baseline.fds() + FD_TOLERANCE, "open descriptors " + baseline.fds() + " → " + after.fds());
        assertTrue(after.heapAfterGcBytes() <= baseline.heapAfterGcBytes() + HEAP_TOLERANCE_BYTES,
                "heap after GC " + baseline.heapMiB() + " MiB → " + after.heapMiB() + " MiB");
        assertEquals(List.of(), after.deletedFiles(), "descriptors open on deleted files");
    }

    // ---- helpers ----

    /**
     * {@code workers} connections at a time, each sending PduFuzzer's cases (reproducible from {@code seed}) until
     * {@code duration} is over; returns the number of cases. Unrecognized PDU types must get A-ABORT (source 2,
     * reason 1), as in the library's FuzzTest; every connection must be closed by the server.
     */
    private int fuzz(Duration duration, int workers, long seed, Map<String, AtomicInteger> outcomes) throws Exception {
        PduFuzzer fuzzer = new PduFuzzer("MODALITY", "TESSERA", 32768);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", DICOM_PORT);
        Instant end = Instant.now().plus(duration);
        AtomicInteger cases = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                final int worker = w;
                futures.add(clients.submit(() -> {
                    Random rnd = new Random(seed + worker);
                    for (int i = worker; Instant.now().isBefore(end); i += workers) {
                        byte[] payload = fuzzer.mutate(i, rnd);
                        byte[] response = PduFuzzer.exchange(address, payload, true, 15_000);
                        outcomes.computeIfAbsent(PduFuzzer.outcome(response), k -> new AtomicInteger()).incrementAndGet();
                        cases.incrementAndGet();
                        int kind = i % PduFuzzer.KINDS;
                        if (kind == PduFuzzer.UNKNOWN_TYPE || kind == PduFuzzer.HTTP) {
                            assertArrayEquals(new int[] {2, 1}, PduFuzzer.lastAbort(response),
                                    "unrecognized PDU " + PduFuzzer.hex(payload, 32));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return cases.get();
    }

    /**
     * The library's "handler failed on …" warnings written to the server log after {@code from}, except those where
     * the association had ended under the handler (DicomNetworkException, a closed socket). The log rotates at 20 MB:
     * a rotation during the part only shortens what is read.
     */
    private static List<String> handlerFailures(Path serverLog, long from) throws IOException {
        List<String> failures = new ArrayList<>();
        long size = Files.size(serverLog);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(serverLog.toFile(), "r")) {
            f.seek(size >= from ? from : 0);
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, f.length() - f.getFilePointer())];
            f.readFully(bytes);
            for (String line : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.contains(" handler failed on ") && !line.contains("DicomNetworkException")
                        && !line.contains("SocketException")) {
                    failures.add(line);
                }
            }
        }
        return failures;
    }

    /** Until the server holds no DICOM connection (ss sees none on its port) or 30 s have passed. */
    private static void awaitQuiet() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Dcmtk.Result ss = Dcmtk.run("ss", "-Htn", "state", "established", "( sport = :" + DICOM_PORT + " )");
            if (ss.ok() && ss.output().isBlank()) {
                return;
            }
            Thread.sleep(500);
        }
    }

    private Process storescu(Path log, String callingAe, List<Path> files, String... options) {
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", callingAe, "-aec", "TESSERA"));
        command.addAll(options.length == 0 ? List.of("-v") : List.of(options));
        command.add("127.0.0.1");
        command.add(Integer.toString(DICOM_PORT));
        files.forEach(f -> command.add(f.toString()));
        return Dcmtk.start(log, command.toArray(String[]::new));
    }

    /** storescu -v's log: the file of each "Received Store Response (…)", e.g. "Success". */
    private static Map<Path, String> storeResponses(Path log) throws IOException {
        Map<Path, String> responses = new HashMap<>();
        Path sending = null;
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("I: Sending file: ")) {
                sending = Path.of(line.substring("I: Sending file: ".length()).strip());
            } else if (line.contains("Received Store Response (") && sending != null) {
                responses.put(sending, line.substring(line.indexOf("Received Store Response (") + 25, line.lastIndexOf(')')));
                sending = null;
            }
        }
        return responses;
    }

    /** storescu -d's log: per file, the C-STORE-RSP's status (hex) and Error Comment. */
    private static Map<Path, String[]> storeResults(Path log) throws IOException {
        Map<Path, String[]> results = new HashMap<>();
        Path sending = null;
        boolean inResponse = false;
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("I: Sending file: ")) {
                sending = Path.of(line.substring("I: Sending file: ".length()).strip());
                inResponse = false;
            } else if (line.contains("Received Store Response")) {
                inResponse = true;
                results.putIfAbsent(sending, new String[2]);
            } else if (inResponse && sending != null) {
                Matcher status = STATUS.matcher(line);
                Matcher comment = ERROR_COMMENT.matcher(line);
                if (status.find()) {
                    results.get(sending)[0] = status.group(1);
                } else if (comment.find()) {
                    results.get(sending)[1] = comment.group(1).strip();
                }
            }
        }
        return results;
    }

    private static String status(Map<Path, String[]> results, Path f) {
        String[] r = results.get(f);
        return r == null ? null : r[0];
    }

    /** findscu, Study Root, IMAGE level: the SOP Instance UIDs of every response for the study (duplicates kept). */
    private static List<String> find(String studyUid) {
        Dcmtk.Result r = Dcmtk.run("findscu", "-v", "-S", "-aet", "MODALITY", "-aec", "TESSERA",
                "-k", "0008,0052=IMAGE", "-k", "0020,000d=" + studyUid, "-k", "0008,0018",
                "127.0.0.1", Integer.toString(DICOM_PORT));
        assertTrue(r.ok(), r.output());
        List<String> uids = new ArrayList<>();
        Matcher m = SOP_INSTANCE_UID.matcher(r.output());
        while (m.find()) {
            uids.add(m.group(1));
        }
        return uids;
    }

    /** The SOP Instance UID of a TestImages file: ROOT.part.3.n for n.dcm. */
    private static String iuid(Path testImage) {
        String root = testImage.getParent().getFileName().toString();
        String part = switch (root) {
            case "concurrent" -> ".1";
            case "full" -> ".2";
            case "elsewhere" -> ".3";
            case "during-fuzz" -> ".4";
            default -> throw new IllegalArgumentException(testImage.toString());
        };
        return ROOT + part + ".3." + testImage.getFileName().toString().replace(".dcm", "");
    }

    /** The stored files of an area by SOP Instance UID (file name {@code <SOP UID>.<8 hex>.dcm}), .incoming left out. */
    private static Map<String, List<Path>> storedFiles(Path area) throws IOException {
        Map<String, List<Path>> byUid = new HashMap<>();
        try (Stream<Path> walk = Files.walk(area)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (area.relativize(p).startsWith(".incoming")) {
                    continue;
                }
                String name = p.getFileName().toString();
                int hash = name.lastIndexOf('.', name.length() - 5);
                byUid.computeIfAbsent(hash > 0 ? name.substring(0, hash) : name, k -> new ArrayList<>()).add(p);
            }
        }
        return byUid;
    }

    /**
     * What is left in the area's {@code .incoming} once the server has settled: an acknowledged instance's marker
     * stays until its index row is on disk (IndexSync, about a second), so this waits up to 5 s for it to go.
     */
    private static List<Path> incomingLeftovers(Path area) throws IOException, InterruptedException {
        Path incoming = area.resolve(".incoming");
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        List<Path> left = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Stream<Path> list = Files.list(incoming)) {
                left = list.toList();
            }
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return left;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> failures() throws Exception {
        Object f = jmx.get("Storage", "FailuresByStatus");
        Map<String, Long> map = new TreeMap<>();
        if (f instanceof javax.management.openmbean.TabularData table) {
            for (Object row : table.values()) {
                javax.management.openmbean.CompositeData c = (javax.management.openmbean.CompositeData) row;
                map.put((String) c.get("key"), ((Number) c.get("value")).longValue());
            }
        } else if (f instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put(String.valueOf(k), ((Number) v).longValue()));
        }
        return map;
    }

    /** target/reliability/figures.md: what docs/reliability.md quotes. */
    private void writeFigures() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(started))
                .append(", ").append(Duration.between(started, Instant.now()).toSeconds()).append(" s; index on ").append(db)
                .append("; sizes: reliability.associations=").append(associations).append(", reliability.instances=")
                .append(instancesPerAssociation).append(", reliability.fuzz.seconds=").append(fuzzSeconds)
                .append("; load average at the end: ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append("\n\n");
        figures.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append('\n').append(ReliabilityResources.tableHeader()).append('\n');
        for (ReliabilityResources.Sample s : resources.samples()) {
            md.append(s.row()).append('\n');
        }
        Path out = Path.of(System.getProperty("it.screenshots", "target/screenshots")).resolveSibling("reliability");
        Files.createDirectories(out);
        Files.writeString(out.resolve("figures.md"), md);
        System.out.println(md);
    }
}
