package io.tessera.pacs.retrieve;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters since the server started for the QueryRetrieve MBean (issue 6): C-MOVE and C-GET requests, their final
 * statuses, and C-STORE sub-operations by outcome.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetrieveStatistics {
    private final LongAdder moves = new LongAdder();
    private final LongAdder gets = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder warning = new LongAdder();
    private final Map<Integer, AtomicLong> finalStatuses = new ConcurrentHashMap<>();

    public void moved(int status, int completedSubOperations, int failedSubOperations, int warningSubOperations) {
        moves.increment();
        record(status, completedSubOperations, failedSubOperations, warningSubOperations);
    }

    public void got(int status, int completedSubOperations, int failedSubOperations, int warningSubOperations) {
        gets.increment();
        record(status, completedSubOperations, failedSubOperations, warningSubOperations);
    }

    private void record(int status, int c, int f, int w) {
        completed.add(c);
        failed.add(f);
        warning.add(w);
        finalStatuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    public long getMoveRequests() {
        return moves.sum();
    }

    public long getGetRequests() {
        return gets.sum();
    }

    public long getSubOperationsCompleted() {
        return completed.sum();
    }

    public long getSubOperationsFailed() {
        return failed.sum();
    }

    public long getSubOperationsWarning() {
        return warning.sum();
    }

    /** C-MOVE and C-GET final statuses, e.g. "0000" → 12, "A801" → 1. */
    public Map<String, Long> getRetrieveStatuses() {
        Map<String, Long> m = new TreeMap<>();
        finalStatuses.forEach((status, n) -> m.put(String.format("%04X", status), n.get()));
        return m;
    }
}
