package io.tessera.pacs.query;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/** Registers {@link QueryRetrieveMXBean} while the EAR is deployed. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueryRetrieveJmx implements QueryRetrieveMXBean {
    static final String OBJECT_NAME = "io.tessera.pacs:service=QueryRetrieve";

    @EJB
    private QueryRetrieveStatistics statistics;

    private ObjectName name;

    @PostConstruct
    void register() {
        try {
            name = new ObjectName(OBJECT_NAME);
            var server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
        } catch (JMException e) {
            throw new EJBException("Cannot register " + OBJECT_NAME, e);
        }
    }

    @PreDestroy
    void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            // already gone
        }
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
}
