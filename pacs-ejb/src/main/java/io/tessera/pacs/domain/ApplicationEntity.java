package io.tessera.pacs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/**
 * A remote DICOM application entity, a row of seed 001's 'applentity' table (§2.2, §5.1): whether it may associate
 * with us, where its images are stored, and which services it offers us (db V2__application_entities.sql).
 */
@Entity
@Table(name = "applentity")
@NamedQuery(name = ApplicationEntity.ALL, query = "SELECT a FROM ApplicationEntity a ORDER BY a.titleKey")
@NamedQuery(name = ApplicationEntity.BY_TITLE_KEY, query = "SELECT a FROM ApplicationEntity a WHERE a.titleKey = :titleKey")
public class ApplicationEntity {
    public static final String ALL = "ApplicationEntity.all";
    public static final String BY_TITLE_KEY = "ApplicationEntity.byTitleKey";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 16)
    private String title;

    /** The title upper-cased: 001 §2.2 matches the calling AE title case-insensitively. */
    @Column(name = "title_key", nullable = false, length = 16)
    private String titleKey;

    @Column(length = 255)
    private String host;

    private Integer port;

    @Column(name = "allow_access", nullable = false)
    private boolean allowAccess = true;

    @Column(name = "archive_dir", length = 1024)
    private String archiveDir;

    @Column(name = "qr_scp", nullable = false)
    private boolean qrScp;

    @Column(name = "worklist_scp", nullable = false)
    private boolean worklistScp;

    @Column(name = "print_scp", nullable = false)
    private boolean printScp;

    @Column(name = "storage_destination", nullable = false)
    private boolean storageDestination;

    @Column(length = 255)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ApplicationEntity() {
    }

    public ApplicationEntity(String title) {
        setTitle(title);
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** The key a calling AE title is looked up by. */
    public static String titleKey(String title) {
        return title.strip().toUpperCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public final void setTitle(String title) {
        this.title = title.strip();
        this.titleKey = titleKey(title);
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public boolean isAllowAccess() {
        return allowAccess;
    }

    public void setAllowAccess(boolean allowAccess) {
        this.allowAccess = allowAccess;
    }

    public String getArchiveDir() {
        return archiveDir;
    }

    public void setArchiveDir(String archiveDir) {
        this.archiveDir = archiveDir;
    }

    public boolean isQrScp() {
        return qrScp;
    }

    public void setQrScp(boolean qrScp) {
        this.qrScp = qrScp;
    }

    public boolean isWorklistScp() {
        return worklistScp;
    }

    public void setWorklistScp(boolean worklistScp) {
        this.worklistScp = worklistScp;
    }

    public boolean isPrintScp() {
        return printScp;
    }

    public void setPrintScp(boolean printScp) {
        this.printScp = printScp;
    }

    public boolean isStorageDestination() {
        return storageDestination;
    }

    public void setStorageDestination(boolean storageDestination) {
        this.storageDestination = storageDestination;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch() {
        this.updatedAt = Instant.now();
    }
}
