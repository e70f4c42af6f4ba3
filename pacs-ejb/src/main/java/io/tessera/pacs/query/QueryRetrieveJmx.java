package io.tessera.pacs.query;

import io.tessera.pacs.admin.PlatformMBeans;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Map;
import javax.management.ObjectName;

/** Registers {@link QueryRetrieveMXBean} while the EAR is deployed. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueryRetrieveJmx implements QueryRetrieveMXBean {
    static final String OBJECT_NAME = "io.tessera.pacs:service=QueryRetrieve";

    @EJB
    private QueryRetrieveStatistics statistics;

    @EJB
    private io.tessera.pacs.retrieve.RetrieveStatistics retrieve;

    private ObjectName name;

    @PostConstruct
    void register() {
        name = PlatformMBeans.register(this, OBJECT_NAME);
    }

    @PreDestroy
    void unregister() {
        PlatformMBeans.unregister(name);
    }

    @Override
    public long getQueries() {
        return statistics.getQueries();
    }

    @Override
    public long getQueryMatches() {
        return statistics.getQueryMatches();
    }

    @Override
    public long getQueriesCanceled() {
        return statistics.getQueriesCanceled();
    }

    @Override
    public Map<String, Long> getQueryFailuresByStatus() {
        return statistics.getQueryFailuresByStatus();
    }

    @Override
    public long getMoveRequests() {
        return retrieve.getMoveRequests();
    }

    @Override
    public long getGetRequests() {
        return retrieve.getGetRequests();
    }

    @Override
    public long getSubOperationsCompleted() {
        return retrieve.getSubOperationsCompleted();
    }

    @Override
    public long getSubOperationsFailed() {
        return retrieve.getSubOperationsFailed();
    }

    @Override
    public long getSubOperationsWarning() {
        return retrieve.getSubOperationsWarning();
    }

    @Override
    public Map<String, Long> getRetrieveStatuses() {
        return retrieve.getRetrieveStatuses();
    }
}
