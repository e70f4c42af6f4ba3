package io.tessera.pacs.it;

import java.io.IOException;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * What the server JVM holds, as an operator would look: live threads and heap used after a full GC from the JVM's
 * platform MBeans (over WildFly's remote JMX), open file descriptors from /proc/&lt;pid&gt;/fd (the JVM's pid from the
 * Runtime MBean; the test runs on the same machine). Sampled before and after each part of the reliability run.
 */
final class ReliabilityResources {

    /**
     * One sample. {@code idlePoolThreads} are pool workers parked waiting for a task (the container's pools start them
     * on demand and end them after their keep-alive, 60 s for the DICOM pool); {@code workingThreads} are all the
     * others — the ones that would show a leak (an association or a task that never ends). {@code deletedFiles} are
     * descriptors still open on files already deleted (they keep disk space).
     */
    record Sample(String label, Instant at, int threads, int peakThreads, int idlePoolThreads, long fds,
                  long heapAfterGcBytes, long eventsWaiting, List<String> deletedFiles, List<String> workingThreadNames) {
        int workingThreads() {
            return threads - idlePoolThreads;
        }

        long heapMiB() {
            return heapAfterGcBytes >> 20;
        }

        String row() {
            return String.format("| %s | %d | %d | %d | %d | %d | %.1f | %s |", label, threads, workingThreads(), idlePoolThreads,
                    peakThreads, fds, heapAfterGcBytes / 1048576.0, eventsWaiting < 0 ? "?" : Long.toString(eventsWaiting));
        }
    }

    private final MBeanServerConnection mbeans;
    private final long pid;
    private final List<Sample> samples = new ArrayList<>();

    ReliabilityResources(MBeanServerConnection mbeans) throws Exception {
        this.mbeans = mbeans;
        this.pid = (Long) mbeans.getAttribute(new ObjectName("java.lang:type=Runtime"), "Pid");
    }

    long pid() {
        return pid;
    }

    /**
     * Takes a sample: the instance-stored events waiting for routing's consumer, two full GCs a second apart (the second collects what the first's reference processing freed),
     * then the heap used, the live threads and the open descriptors.
     */
    Sample sample(String label) throws Exception {
        long events = eventsWaiting();
        ObjectName memory = new ObjectName("java.lang:type=Memory");
        for (int i = 0; i < 2; i++) {
            mbeans.invoke(memory, "gc", null, null);
            Thread.sleep(1000);
        }
        long heap = (Long) ((CompositeData) mbeans.getAttribute(memory, "HeapMemoryUsage")).get("used");
        ObjectName threading = new ObjectName("java.lang:type=Threading");
        int peak = (Integer) mbeans.getAttribute(threading, "PeakThreadCount");
        CompositeData[] dump = (CompositeData[]) mbeans.invoke(threading, "dumpAllThreads", new Object[] {false, false},
                new String[] {boolean.class.getName(), boolean.class.getName()});
        int threads = dump.length;
        int idle = 0;
        List<String> working = new ArrayList<>();
        for (CompositeData cd : dump) {
            ThreadInfo t = ThreadInfo.from(cd);
            if (isIdlePoolWorker(t)) {
                idle++;
            } else {
                working.add(t.getThreadName());
            }
        }
        List<String> deleted = new ArrayList<>();
        long fds = 0;
        try (Stream<Path> list = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : list.toList()) {
                fds++;
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.endsWith(" (deleted)")) {
                        deleted.add(target);
                    }
                } catch (IOException e) {
                    // closed between the listing and the read: not open any more
                }
            }
        }
        java.util.Collections.sort(working);
        Sample s = new Sample(label, Instant.now(), threads, peak, idle, fds, heap, events, deleted, working);
        samples.add(s);
        System.out.println("reliability resources: " + s.row() + (deleted.isEmpty() ? "" : " deleted but open: " + deleted));
        return s;
    }

    /**
     * Messages waiting on the instance-stored queue (WildFly's management MBean of the deployment's JMS queue): routing
     * consumes them, so a count that keeps growing would be a backlog the heap figure includes. -1 when the MBean
     * cannot be read.
     */
    private long eventsWaiting() {
        try {
            for (ObjectName queue : mbeans.queryNames(new ObjectName("jboss.as:jms-queue=TesseraInstanceStored,*"), null)) {
                return ((Number) mbeans.getAttribute(queue, "messageCount")).longValue();
            }
        } catch (Exception e) {
            System.out.println("reliability resources: cannot read TesseraInstanceStored: " + e);
        }
        return -1;
    }

    /** Parked in its pool's queue, waiting for a task: JBoss Threads' EnhancedQueueExecutor or a JDK ThreadPoolExecutor. */
    private static boolean isIdlePoolWorker(ThreadInfo t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String frame = e.getClassName() + "." + e.getMethodName();
            if (frame.equals("org.jboss.threads.EnhancedQueueExecutor$PoolThreadNode.park")
                    || frame.equals("java.util.concurrent.ThreadPoolExecutor.getTask")) {
                return true;
            }
            if (frame.startsWith("io.tessera.")) {
                return false; // our code on the stack: working, whatever it waits for
            }
        }
        return false;
    }

    /** Open descriptors of the server whose target is under {@code dir}. */
    List<String> openFilesUnder(Path dir) throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> list = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : list.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(dir.toString())) {
                        open.add(target);
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return open;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    static String tableHeader() {
        return "| sample | threads | working | idle in pools | peak threads | open fds | heap after GC (MiB) | instance-stored events waiting |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
    }
}
