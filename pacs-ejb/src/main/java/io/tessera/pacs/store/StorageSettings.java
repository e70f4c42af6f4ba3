package io.tessera.pacs.store;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.domain.Setting;
import io.tessera.pacs.domain.StorageFormat;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The storage settings of 001 §2 (DefaultArchiveDirectory, StorageFormat) and this PACS's own (duplicates,
 * patient-ID conflicts, preferred transfer syntax), kept in pacs_setting and cached here; the console's Storage page
 * and the Storage MBean change them, each change takes effect with the next C-STORE.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StorageSettings {
    private static final Logger LOG = Logger.getLogger(StorageSettings.class.getName());
    static final String DEFAULT_AREA = "storage.default-area";
    static final String FORMAT = "storage.format";
    static final String DUPLICATES = "storage.duplicates";
    static final String PATIENT_ID = "storage.patient-id-conflicts";
    static final String PREFERRED_TS = "storage.preferred-transfer-syntax";

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    private volatile Path defaultArea;
    private volatile StorageFormat format;
    private volatile DuplicatePolicy duplicates;
    private volatile PatientIdPolicy patientIdPolicy;
    private volatile String preferredTransferSyntax;

    @PostConstruct
    void load() {
        defaultArea = Path.of(value(DEFAULT_AREA, DataDirectory.path().resolve("archive").toString()));
        format = StorageFormat.valueOf(value(FORMAT, StorageFormat.PART10.name()));
        duplicates = DuplicatePolicy.valueOf(value(DUPLICATES, DuplicatePolicy.REPLACE_IF_DIFFERENT.name()));
        patientIdPolicy = PatientIdPolicy.valueOf(value(PATIENT_ID, PatientIdPolicy.ACCEPT.name()));
        String ts = value(PREFERRED_TS, "");
        preferredTransferSyntax = ts.isEmpty() ? null : ts;
        LOG.info(() -> "Storage: default area " + defaultArea + ", format " + format + ", duplicates " + duplicates
                + ", patient-ID conflicts " + patientIdPolicy);
    }

    /** The storage area for images from {@code archiveDir} of an AE (001 §2 'archivedir'), or the default one. */
    public Path areaFor(String archiveDir) {
        if (archiveDir == null || archiveDir.isBlank()) {
            return defaultArea;
        }
        Path p = Path.of(archiveDir);
        return p.isAbsolute() ? p : DataDirectory.path().resolve(p);
    }

    public Path getDefaultArea() {
        return defaultArea;
    }

    public StorageFormat getFormat() {
        return format;
    }

    public DuplicatePolicy getDuplicates() {
        return duplicates;
    }

    public PatientIdPolicy getPatientIdPolicy() {
        return patientIdPolicy;
    }

    public String getPreferredTransferSyntax() {
        return preferredTransferSyntax;
    }

    /** Changes all settings at once, validated; a null leaves that setting as it is. */
    public void change(String area, StorageFormat newFormat, DuplicatePolicy newDuplicates, PatientIdPolicy newPatientId,
                       String newPreferredTs, String by) {
        if (area != null) {
            if (area.isBlank() || !Path.of(area).isAbsolute()) {
                throw new InvalidRequestException("The default storage area is an absolute directory path.");
            }
            store(DEFAULT_AREA, area.strip());
        }
        if (newFormat != null) {
            store(FORMAT, newFormat.name());
        }
        if (newDuplicates != null) {
            store(DUPLICATES, newDuplicates.name());
        }
        if (newPatientId != null) {
            store(PATIENT_ID, newPatientId.name());
        }
        if (newPreferredTs != null) {
            String ts = newPreferredTs.strip();
            if (!ts.isEmpty() && !ts.matches("[0-9.]{1,64}")) {
                throw new InvalidRequestException("A transfer syntax is a UID such as 1.2.840.10008.1.2.1, or empty for none.");
            }
            store(PREFERRED_TS, ts);
        }
        em.flush();
        load();
        LOG.info(() -> by + " changed the storage settings");
    }

    private String value(String name, String defaultValue) {
        Setting s = em.find(Setting.class, name);
        return s == null ? defaultValue : s.getValue();
    }

    private void store(String name, String value) {
        Setting s = em.find(Setting.class, name);
        if (s == null) {
            em.persist(new Setting(name, value));
        } else {
            s.setValue(value);
        }
    }
}
