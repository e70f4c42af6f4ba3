package io.tessera.pacs.admin;

import io.tessera.pacs.domain.ApplicationEntity;
import java.io.Serializable;

/**
 * One application entity as the console, JMX and other services see it: the same fields as {@link ApplicationEntity},
 * detached from the persistence context. A JavaBean, so Faces binds it and JMX maps it to CompositeData.
 */
public class ApplicationEntityData implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long id;
    private String title;
    private String host;
    private Integer port;
    private boolean allowAccess = true;
    private String archiveDir;
    private boolean qrScp;
    private boolean worklistScp;
    private boolean printScp;
    private boolean storageDestination;
    private String description;

    public static ApplicationEntityData of(ApplicationEntity ae) {
        ApplicationEntityData d = new ApplicationEntityData();
        d.id = ae.getId();
        d.title = ae.getTitle();
        d.host = ae.getHost();
        d.port = ae.getPort();
        d.allowAccess = ae.isAllowAccess();
        d.archiveDir = ae.getArchiveDir();
        d.qrScp = ae.isQrScp();
        d.worklistScp = ae.isWorklistScp();
        d.printScp = ae.isPrintScp();
        d.storageDestination = ae.isStorageDestination();
        d.description = ae.getDescription();
        return d;
    }

    void applyTo(ApplicationEntity ae) {
        ae.setTitle(title);
        ae.setHost(host);
        ae.setPort(port);
        ae.setAllowAccess(allowAccess);
        ae.setArchiveDir(archiveDir);
        ae.setQrScp(qrScp);
        ae.setWorklistScp(worklistScp);
        ae.setPrintScp(printScp);
        ae.setStorageDestination(storageDestination);
        ae.setDescription(description);
        ae.touch();
    }

    /** True when we can open an association to it: a host and a port are set. */
    public boolean isReachable() {
        return host != null && port != null;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
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
}
