package io.tessera.bench.net;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.FileMetaInformation;
import io.tessera.dicom.net.AssociationSettings;
import io.tessera.dicom.net.DicomListener;
import io.tessera.dicom.net.PresentationContextPolicy;
import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.DimseServiceRegistry;
import io.tessera.dicom.net.dimse.PolicyAcceptor;
import io.tessera.dicom.net.dimse.Status;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P-DATA receive throughput: our acceptor with a discarding C-STORE handler against dcmtk's {@code storescp --ignore}
 * (the protocol ceiling), both fed by dcmtk's {@code storescu} (TCP_NODELAY=1) with N copies of one 514 KB CT, over
 * 1 and 4 simultaneous associations. Prints images/s, MB/s and our share of storescp's rate; a benchmark, not a test.
 *
 * <pre>
 * cd pacs-jca-dicom/dicom &amp;&amp; mvn -q -o -Dbuild.dir.name=target-net compile &amp;&amp; cd ../..
 * javac -d /tmp/bench-net -cp pacs-jca-dicom/dicom/target-net/classes bench/src/main/java/io/tessera/bench/net/*.java
 * java -cp /tmp/bench-net:pacs-jca-dicom/dicom/target-net/classes io.tessera.bench.net.ReceiveThroughput 2000 3
 * </pre>
 * Arguments: images per run (default 2000), repetitions per configuration (default 3, the median is reported).
 */
public final class ReceiveThroughput {

    private ReceiveThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("bench-net");
        Path ct = writeCt(dir.resolve("ct.dcm"));
        long size = Files.size(ct);
        System.out.printf(Locale.ROOT, "%d x %.1f KB CT, max PDU 32 KB both, %s, %d cores, Java %s%n", images,
                size / 1024.0,
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-dicom");
            t.setDaemon(true);
            return t;
        });
        AtomicLong received = new AtomicLong();
        DimseServiceRegistry discard = new DimseServiceRegistry().addForCommand(Dimse.C_STORE_RQ, (rq, rsp) -> {
            rq.data().skip(Long.MAX_VALUE); // read off the network and discarded, as storescp --ignore does
            received.incrementAndGet();
            rsp.respond(Status.SUCCESS);
        });
        PresentationContextPolicy policy = new PresentationContextPolicy()
                .accept(UID.VerificationSOPClass, UID.ImplicitVRLittleEndian)
                .accept(UID.storageSOPClasses(), UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
        DicomListener ours = new DicomListener(new AssociationSettings().idleTimeoutMillis(Integer.getInteger("idle", 300000)), new PolicyAcceptor(policy, discard, executor,
                null), executor).bindAddress(InetAddress.getLoopbackAddress()).port(0).maxAssociations(16);
        ours.start();
        int scpPort = freePort();
        // the same Maximum Length Received as ours, so storescu sends both receivers PDUs of one size
        int maxPdu = new AssociationSettings().maxPduReceive();
        ProcessBuilder scp = new ProcessBuilder("storescp", "--ignore", "--max-pdu", String.valueOf(maxPdu),
                String.valueOf(scpPort))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        scp.environment().put("TCP_NODELAY", "1");
        Process storescp = scp.start();
        Thread.sleep(500);
        try {
            run(ct, Math.min(images, 300), 2, ours.port()); // JIT warm-up of our receive path, not measured
            received.set(0);
            System.out.println("associations  receiver           images/s     MB/s   ours/storescp");
            for (int assocs : new int[] {1, 4}) {
                double dcmtk = median(repeats, () -> run(ct, images, assocs, scpPort));
                double tessera = median(repeats, () -> run(ct, images, assocs, ours.port()));
                print(assocs, "storescp --ignore", images / dcmtk, images * size / dcmtk / 1e6, "");
                print(assocs, "tessera (discard)", images / tessera, images * size / tessera / 1e6,
                        String.format(Locale.ROOT, "%.0f %%", 100 * dcmtk / tessera));
            }
        } finally {
            storescp.destroy();
            ours.close();
            executor.shutdownNow();
            Files.deleteIfExists(ct);
            Files.deleteIfExists(dir);
        }
        System.out.println("C-STORE requests our handler discarded: " + received.get());
    }

    interface Timed {
        double seconds() throws Exception;
    }

    static double median(int n, Timed t) throws Exception {
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add(t.seconds());
        }
        s.sort(null);
        return s.get(s.size() / 2);
    }

    static void print(int assocs, String who, double ips, double mbs, String ratio) {
        System.out.printf(Locale.ROOT, "%12d  %-17s %9.1f %8.1f   %s%n", assocs, who, ips, mbs, ratio);
    }

    /** Wall time for {@code images} C-STOREs split over {@code assocs} storescu processes. */
    static double run(Path file, int images, int assocs, int port) throws IOException, InterruptedException {
        List<Process> ps = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int a = 0; a < assocs; a++) {
            List<String> cmd = new ArrayList<>(List.of("storescu", "-xe", "-aet", "BENCH", "127.0.0.1",
                    String.valueOf(port)));
            for (int i = a; i < images; i += assocs) {
                cmd.add(file.toString());
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("TCP_NODELAY", "1"); // dcmtk keeps Nagle's algorithm on otherwise
            ps.add(pb.start());
        }
        for (Process p : ps) {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("storescu failed with exit code " + p.exitValue());
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A 512x512 16-bit CT, Explicit VR Little Endian: about 514 KB. */
    static Path writeCt(Path file) throws IOException {
        Attributes ds = new Attributes();
        String iuid = "2.25.1234567890123456789012345678901";
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, iuid);
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.PatientName, VR.PN, "Bench^Mark");
        ds.setString(Tag.PatientID, VR.LO, "BENCH");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.1234567890123456789012345678902");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.1234567890123456789012345678903");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.Columns, VR.US, 512);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[512 * 512 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) i;
            pixels[i + 1] = (byte) ((i >> 9) & 0x0f);
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        try (DicomOutputStream out = new DicomOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeFileMetaInformation(FileMetaInformation.create(UID.CTImageStorage, iuid, UID.ExplicitVRLittleEndian));
            out.writeDataset(ds);
        }
        return file;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
