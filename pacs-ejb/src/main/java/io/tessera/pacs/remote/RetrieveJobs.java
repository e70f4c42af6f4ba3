package io.tessera.pacs.remote;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The C-MOVEs from remote AEs started from the console, in memory, for the page to poll. Keeps the last 100. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetrieveJobs {
    private static final int KEEP = 100;
    private final Map<String, RetrieveProgress> jobs = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    public RetrieveProgress create(String remoteAe, String studyInstanceUid) {
        RetrieveProgress p = new RetrieveProgress(UUID.randomUUID().toString(), remoteAe, studyInstanceUid);
        jobs.put(p.getId(), p);
        started.put(p.getId(), System.nanoTime());
        if (jobs.size() > KEEP) {
            List<String> ids = new ArrayList<>(started.keySet());
            ids.sort(Comparator.comparing(started::get));
            for (String id : ids.subList(0, ids.size() - KEEP)) {
                if (jobs.get(id) == null || jobs.get(id).isDone()) {
                    jobs.remove(id);
                    started.remove(id);
                }
            }
        }
        return p;
    }

    public RetrieveProgress get(String id) {
        return id == null ? null : jobs.get(id);
    }
}
