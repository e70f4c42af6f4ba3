package io.tessera.pacs.route;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What is on the wire now, in memory: each sender's association (destination, study, counts) for the Tasks page, and
 * the tasks cancelled while in progress, which the sender skips.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ForwardProgress {

    public static final class Running {
        final String destinationAe;
        final String studyInstanceUid;
        final int total;
        final Instant startedAt = Instant.now();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        Running(String destinationAe, String studyInstanceUid, int total) {
            this.destinationAe = destinationAe;
            this.studyInstanceUid = studyInstanceUid;
            this.total = total;
        }
    }

    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    /** Destination → when its waiting wake-up was queued. */
    private final Map<String, Long> wakeUps = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> senders = new ConcurrentHashMap<>();
    private final Map<String, Long> lastWarning = new ConcurrentHashMap<>();

    /**
     * Whether a failed association to the destination deserves a WARNING in the log: the first of a run of failures
     * and then one a minute, so a destination that is down for hours does not fill the log (the task rows keep
     * every attempt). A success ends the run.
     */
    public boolean warnFailure(String destinationAe) {
        long now = System.currentTimeMillis();
        String key = destinationAe.toUpperCase(java.util.Locale.ROOT);
        Long last = lastWarning.get(key);
        if (last != null && now - last < 60_000) {
            return false;
        }
        lastWarning.put(key, now);
        return true;
    }

    public void succeeded(String destinationAe) {
        lastWarning.remove(destinationAe.toUpperCase(java.util.Locale.ROOT));
    }

    /** Takes one of the destination's {@code limit} association slots; false when all are taken. */
    public boolean acquire(String destinationAe, int limit) {
        AtomicInteger n = senders.computeIfAbsent(destinationAe.toUpperCase(java.util.Locale.ROOT), k -> new AtomicInteger());
        while (true) {
            int current = n.get();
            if (current >= limit) {
                return false;
            }
            if (n.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public void release(String destinationAe) {
        senders.get(destinationAe.toUpperCase(java.util.Locale.ROOT)).decrementAndGet();
    }

    /** Whether a sender is working for the destination now. */
    public boolean busy(String destinationAe) {
        AtomicInteger n = senders.get(destinationAe.toUpperCase(java.util.Locale.ROOT));
        return n != null && n.get() > 0;
    }

    /**
     * Notes a wake-up for the destination about to be queued; false when one is queued already — unless that one is
     * a minute old and still not taken (lost, or every consumer busy that long): then another goes.
     */
    public boolean wakeUpQueued(String destinationAe) {
        long now = System.currentTimeMillis();
        boolean[] queue = new boolean[1];
        wakeUps.compute(destinationAe, (k, queued) -> {
            queue[0] = queued == null || now - queued > 60_000;
            return queue[0] ? now : queued;
        });
        return queue[0];
    }

    /** A sender took the destination's wake-up (or it was not queued): the next one may be sent. */
    public void wakeUpTaken(String destinationAe) {
        wakeUps.remove(destinationAe);
    }

    public Running start(String claim, String destinationAe, String studyInstanceUid, int total) {
        Running r = new Running(destinationAe, studyInstanceUid, total);
        running.put(claim, r);
        return r;
    }

    public void end(String claim) {
        running.remove(claim);
    }

    public void cancelled(long taskId) {
        cancelled.add(taskId);
    }

    /** Whether the task was cancelled while in progress; forgets it. */
    public boolean takeCancelled(long taskId) {
        return cancelled.remove(taskId);
    }

    public List<TaskProgress> running() {
        List<TaskProgress> list = new ArrayList<>();
        for (Running r : running.values()) {
            list.add(new TaskProgress(r.destinationAe, r.studyInstanceUid, r.total, r.sent.get(), r.failed.get(),
                    r.startedAt));
        }
        list.sort((a, b) -> a.getStartedAt().compareTo(b.getStartedAt()));
        return list;
    }
}
