package io.tessera.pacs.query;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Query/Retrieve counters since the server started ({@code io.tessera.pacs:service=QueryRetrieve}): C-FIND requests,
 * matches sent, cancels and failures by status.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueryRetrieveStatistics {
    private final LongAdder queries = new LongAdder();
    private final LongAdder matches = new LongAdder();
    private final LongAdder queriesCanceled = new LongAdder();
    private final Map<Integer, AtomicLong> queryFailures = new ConcurrentHashMap<>();

    /** A C-FIND request arrived. */
    public void queried() {
        queries.increment();
    }

    /** Pending responses sent for one C-FIND. */
    public void matched(long n) {
        matches.add(n);
    }

    /** A C-FIND ended with FE00 after a C-CANCEL. */
    public void queryCanceled() {
        queriesCanceled.increment();
    }

    /** A C-FIND ended with a failure status (001 Table 29). */
    public void queryFailed(int status) {
        queryFailures.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    public long getQueries() {
        return queries.sum();
    }

    public long getQueryMatches() {
        return matches.sum();
    }

    public long getQueriesCanceled() {
        return queriesCanceled.sum();
    }

    /** C-FIND failures by status, e.g. "A900" → 2. */
    public Map<String, Long> getQueryFailuresByStatus() {
        Map<String, Long> m = new TreeMap<>();
        queryFailures.forEach((status, n) -> m.put(String.format("%04X", status), n.get()));
        return m;
    }
}
