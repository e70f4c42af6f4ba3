package io.tessera.pacs.query;

import java.util.Map;

/** {@code io.tessera.pacs:service=QueryRetrieve}: the Query/Retrieve SCP's counters since start. */
public interface QueryRetrieveMXBean {

    /** C-FIND requests received. */
    long getQueries();

    /** C-FIND pending responses (matches) sent. */
    long getQueryMatches();

    /** C-FIND requests ended by C-CANCEL (FE00). */
    long getQueriesCanceled();

    /** C-FIND failures by status (001 Table 29), e.g. {"A900": 1}. */
    Map<String, Long> getQueryFailuresByStatus();

    /** C-MOVE requests answered (final response sent). */
    long getMoveRequests();

    /** C-GET requests answered. */
    long getGetRequests();

    /** Sub-operations (C-STOREs of C-MOVE and C-GET) by outcome. */
    long getSubOperationsCompleted();

    long getSubOperationsFailed();

    long getSubOperationsWarning();

    /** Final C-MOVE/C-GET statuses, e.g. {"0000": 12, "B000": 1, "A801": 2}. */
    Map<String, Long> getRetrieveStatuses();
}
