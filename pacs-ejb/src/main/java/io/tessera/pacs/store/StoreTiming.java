package io.tessera.pacs.store;

import java.util.Arrays;
import java.util.logging.Logger;

/** TEMPORARY (issue 5 profiling): wall time per C-STORE step, medians logged every 200 images. */
public final class StoreTiming {
    private static final Logger LOG = Logger.getLogger(StoreTiming.class.getName());
    public static final String[] STEPS = {"endpoint", "receive", "dirwait", "header", "lookup", "mv+filewait", "index", "committed", "event", "respond", "total"};
    private static final int N = 200;
    private static final long[][] values = new long[STEPS.length][N];
    private static int count;
    public static final ThreadLocal<long[]> CURRENT = ThreadLocal.withInitial(() -> new long[STEPS.length + 1]);

    private StoreTiming() {
    }

    public static void start(long t) {
        long[] c = CURRENT.get();
        Arrays.fill(c, 0);
        c[STEPS.length] = t;
    }

    /** Adds the time since the last mark to {@code step}. */
    public static void mark(int step) {
        long[] c = CURRENT.get();
        long now = System.nanoTime();
        c[step] += now - c[STEPS.length];
        c[STEPS.length] = now;
    }

    public static synchronized void done(long t0) {
        long[] c = CURRENT.get();
        c[STEPS.length - 1] = System.nanoTime() - t0;
        for (int i = 0; i < STEPS.length; i++) {
            values[i][count] = c[i];
        }
        if (++count == N) {
            StringBuilder sb = new StringBuilder("C-STORE timing (median/mean µs of " + N + "):");
            for (int i = 0; i < STEPS.length; i++) {
                long[] v = values[i].clone();
                Arrays.sort(v);
                sb.append(' ').append(STEPS[i]).append(' ').append(v[N / 2] / 1000).append('/').append(Arrays.stream(v).sum() / N / 1000);
            }
            LOG.info(sb.toString());
            count = 0;
        }
    }
}
