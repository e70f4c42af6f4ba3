package io.tessera.pacs.retrieve;

import io.tessera.dicom.net.dimse.Status;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a retrieve identifier to the stored instances it names: one SQL query over the index (the unique-key
 * columns are unique-indexed), no file read. Lists of more than {@value #CHUNK} UIDs are queried in chunks.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class InstanceLocator {
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    /** The instances in study, series, instance-number order; A701 (001 Table 30) when the database fails. */
    public List<StoredInstance> find(RetrieveIdentifier id) throws RetrieveFailure {
        try {
            List<String> levelUids = switch (id.level()) {
                case PATIENT -> List.of();
                case STUDY -> id.studyUids();
                case SERIES -> id.seriesUids();
                case IMAGE -> id.sopInstanceUids();
            };
            if (levelUids.size() <= CHUNK) {
                return query(id, levelUids);
            }
            List<StoredInstance> all = new ArrayList<>();
            for (int i = 0; i < levelUids.size(); i += CHUNK) {
                all.addAll(query(id, levelUids.subList(i, Math.min(levelUids.size(), i + CHUNK))));
            }
            return all;
        } catch (PersistenceException e) {
            throw new RetrieveFailure(Status.OUT_OF_RESOURCES_NUMBER_OF_MATCHES,
                    "Database failure: " + rootMessage(e), e);
        }
    }

    private List<StoredInstance> query(RetrieveIdentifier id, List<String> levelUids) {
        StringBuilder jpql = new StringBuilder("SELECT NEW io.tessera.pacs.retrieve.StoredInstance(i.sopInstanceUid,"
                + " i.sopClassUid, i.transferSyntaxUid, i.storageFormat, i.storageArea, i.filePath)"
                + " FROM Instance i JOIN i.series s JOIN s.study st JOIN st.patient p WHERE 1 = 1");
        RetrieveIdentifier.Level level = id.level();
        if (id.patientId() != null) {
            jpql.append(" AND p.patientId = :pid");
        }
        List<String> studies = level == RetrieveIdentifier.Level.STUDY ? levelUids : id.studyUids();
        List<String> series = level == RetrieveIdentifier.Level.SERIES ? levelUids : id.seriesUids();
        List<String> instances = level == RetrieveIdentifier.Level.IMAGE ? levelUids : id.sopInstanceUids();
        if (!studies.isEmpty()) {
            jpql.append(" AND st.studyInstanceUid IN :studies");
        }
        if (!series.isEmpty()) {
            jpql.append(" AND s.seriesInstanceUid IN :series");
        }
        if (!instances.isEmpty()) {
            jpql.append(" AND i.sopInstanceUid IN :instances");
        }
        jpql.append(" ORDER BY st.id, s.id, i.instanceNumber, i.id");
        TypedQuery<StoredInstance> q = em.createQuery(jpql.toString(), StoredInstance.class);
        if (id.patientId() != null) {
            q.setParameter("pid", id.patientId());
        }
        if (!studies.isEmpty()) {
            q.setParameter("studies", studies);
        }
        if (!series.isEmpty()) {
            q.setParameter("series", series);
        }
        if (!instances.isEmpty()) {
            q.setParameter("instances", instances);
        }
        return q.getResultList();
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
