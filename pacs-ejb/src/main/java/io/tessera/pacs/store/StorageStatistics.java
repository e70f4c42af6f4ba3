package io.tessera.pacs.store;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters since the server started: instances and bytes stored, refusals by status (Storage MBean, console). Called
 * for every C-STORE: no container lock and no transaction around a counter.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StorageStatistics {
    private final LongAdder instances = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();

    public void stored(long size) {
        instances.increment();
        bytes.add(size);
    }

    public void failed(int status) {
        failures.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    public long getInstancesStored() {
        return instances.sum();
    }

    public long getBytesStored() {
        return bytes.sum();
    }

    /** Refusals by status, e.g. "A700" → 3. */
    public Map<String, Long> getFailuresByStatus() {
        Map<String, Long> m = new TreeMap<>();
        failures.forEach((status, n) -> m.put(String.format("%04X", status), n.get()));
        return m;
    }
}
