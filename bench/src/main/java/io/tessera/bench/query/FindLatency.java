package io.tessera.bench.query;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.AssociationSettings;
import io.tessera.dicom.net.Connector;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.pdu.AAssociateRq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * C-FIND study-level latency (issue 6: median ≤ 20 ms, p95 ≤ 50 ms with 100,000 studies indexed): N Study Root
 * queries on one association, as a workstation's study list asks them, each timed from the request to the final
 * response with every match read.
 *
 * <p>First one universal study-level query samples the studies there are (up to 2,000); the timed queries then rotate
 * over five kinds taken from that sample: Patient ID (single value), Study Instance UID (single value), Study Date
 * (single value), Patient Name (the first two letters then "*", case-insensitive on Tessera) and a 31-day Study Date
 * range, each with the usual return keys. The first {@code --warmup} queries, of the same kinds with other keys, are
 * not counted (JIT, caches).
 *
 * <p>Any C-FIND SCP can be measured the same way (Orthanc, dcmtk's dcmqrscp) for the comparison in the same run.
 * No build needed, the JDK's source launcher and the library jar:
 * <pre>
 * java -cp pacs-jca-dicom/dicom/target/tessera-dicom-0.1.0-SNAPSHOT.jar \
 *     bench/src/main/java/io/tessera/bench/query/FindLatency.java HOST PORT [--aet BENCH] [--aec TESSERA] \
 *     [--queries 200] [--warmup 20]
 * </pre>
 * Prints one line per query kind and one for all: queries, median, p95, max (ms), mean matches.
 */
public final class FindLatency {
    private static final String STUDY_ROOT = UID.FINDStudyRootQueryRetrieveInformationModel;
    private static final String[] KINDS = {"PatientID", "StudyInstanceUID", "StudyDate", "PatientName*", "StudyDate range"};

    private FindLatency() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FindLatency HOST PORT [--aet BENCH] [--aec TESSERA] [--queries 200] [--warmup 20]");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String aet = option(args, "--aet", "BENCH");
        String aec = option(args, "--aec", "TESSERA");
        int queries = Integer.parseInt(option(args, "--queries", "200"));
        int warmup = Integer.parseInt(option(args, "--warmup", "20"));

        AAssociateRq rq = new AAssociateRq();
        rq.callingAeTitle(aet);
        rq.calledAeTitle(aec);
        rq.addPresentationContext(STUDY_ROOT, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
        try (Scu scu = Scu.open(new Connector(new AssociationSettings(), null), host, port, rq)) {
            List<Attributes> sample = sample(scu);
            if (sample.isEmpty()) {
                System.err.println("No studies at " + aec + "@" + host + ":" + port + ": nothing to measure");
                System.exit(1);
            }
            List<List<Long>> nanos = new ArrayList<>();
            for (int k = 0; k <= KINDS.length; k++) {
                nanos.add(new ArrayList<>());
            }
            long[] matches = new long[KINDS.length + 1];
            for (int q = 0; q < warmup + queries; q++) {
                // the timed queries take keys 0..queries-1 whatever the warm-up, the warm-up the keys after them:
                // the same measured queries for any --warmup, and none of them run before it is timed
                int key = q < warmup ? queries + q : q - warmup;
                int kind = key % KINDS.length;
                Attributes keys = keys(kind, sample.get((key * 7919) % sample.size()));
                int[] n = {0};
                long t0 = System.nanoTime();
                DimseResponse last = scu.find(STUDY_ROOT, keys, r -> n[0]++);
                long t = System.nanoTime() - t0;
                if (last.status() != 0) {
                    throw new IllegalStateException("C-FIND " + KINDS[kind] + " failed: " + last);
                }
                if (q >= warmup) {
                    nanos.get(kind).add(t);
                    nanos.get(KINDS.length).add(t);
                    matches[kind] += n[0];
                    matches[KINDS.length] += n[0];
                }
            }
            System.out.printf(Locale.ROOT, "C-FIND Study Root, STUDY level, %s@%s:%d, %d studies sampled, one association%n",
                    aec, host, port, sample.size());
            System.out.printf(Locale.ROOT, "%-18s %7s %9s %9s %9s %9s%n", "key", "queries", "median ms", "p95 ms", "max ms",
                    "matches");
            for (int k = 0; k <= KINDS.length; k++) {
                List<Long> l = nanos.get(k);
                long[] sorted = l.stream().mapToLong(Long::longValue).sorted().toArray();
                if (sorted.length == 0) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "%-18s %7d %9.2f %9.2f %9.2f %9.1f%n", k < KINDS.length ? KINDS[k] : "all",
                        sorted.length, percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1] / 1e6,
                        (double) matches[k] / sorted.length);
            }
        }
    }

    /** One universal query: the studies to draw keys from (the first 2,000). */
    private static List<Attributes> sample(Scu scu) throws Exception {
        Attributes keys = studyKeys();
        List<Attributes> sample = new ArrayList<>();
        scu.find(STUDY_ROOT, keys, r -> {
            if (r.dataSet() != null && sample.size() < 2000) {
                sample.add(r.dataSet());
            }
        });
        return sample;
    }

    private static Attributes studyKeys() {
        Attributes keys = new Attributes();
        keys.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        for (int tag : new int[] {Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber, Tag.ModalitiesInStudy}) {
            keys.setNull(tag, tag == Tag.ModalitiesInStudy ? VR.CS : tag == Tag.AccessionNumber ? VR.SH
                    : tag == Tag.StudyDate ? VR.DA : VR.TM);
        }
        keys.setNull(Tag.PatientName, VR.PN);
        keys.setNull(Tag.PatientID, VR.LO);
        keys.setNull(Tag.PatientBirthDate, VR.DA);
        keys.setNull(Tag.PatientSex, VR.CS);
        keys.setNull(Tag.StudyDescription, VR.LO);
        keys.setNull(Tag.StudyID, VR.SH);
        keys.setNull(Tag.StudyInstanceUID, VR.UI);
        keys.setNull(Tag.NumberOfStudyRelatedSeries, VR.IS);
        keys.setNull(Tag.NumberOfStudyRelatedInstances, VR.IS);
        return keys;
    }

    private static Attributes keys(int kind, Attributes study) {
        Attributes keys = studyKeys();
        switch (kind) {
            case 0 -> keys.setString(Tag.PatientID, VR.LO, study.getString(Tag.PatientID, ""));
            case 1 -> keys.setString(Tag.StudyInstanceUID, VR.UI, study.getString(Tag.StudyInstanceUID, ""));
            case 2 -> keys.setString(Tag.StudyDate, VR.DA, study.getString(Tag.StudyDate, ""));
            case 3 -> {
                String name = study.getString(Tag.PatientName, "");
                keys.setString(Tag.PatientName, VR.PN, name.substring(0, Math.min(2, name.length())) + "*");
            }
            default -> {
                String date = study.getString(Tag.StudyDate, "");
                if (date.length() == 8) {
                    java.time.LocalDate d = java.time.LocalDate.parse(date, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                    keys.setString(Tag.StudyDate, VR.DA, date + "-"
                            + d.plusDays(30).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
                }
            }
        }
        return keys;
    }

    private static double percentile(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String option(String[] args, String name, String def) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
    }
}
