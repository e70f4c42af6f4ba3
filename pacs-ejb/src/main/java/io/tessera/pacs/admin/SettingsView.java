package io.tessera.pacs.admin;

import io.tessera.pacs.domain.StorageFormat;
import java.io.Serializable;

/** The Settings page's values: the first four read-only (restart needed), the storage ones changeable by ADMIN. */
public class SettingsView implements Serializable {
    private static final long serialVersionUID = 1L;
    private String aeTitle;
    private int port;
    private int maxAssociations;
    private int threads;
    private StorageFormat format;
    private String preferredTransferSyntax;

    public String getAeTitle() {
        return aeTitle;
    }

    public void setAeTitle(String aeTitle) {
        this.aeTitle = aeTitle;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public int getMaxAssociations() {
        return maxAssociations;
    }

    public void setMaxAssociations(int maxAssociations) {
        this.maxAssociations = maxAssociations;
    }

    /** Threads of the DICOM work manager (one per association). */
    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public StorageFormat getFormat() {
        return format;
    }

    public void setFormat(StorageFormat format) {
        this.format = format;
    }

    public String getPreferredTransferSyntax() {
        return preferredTransferSyntax;
    }

    public void setPreferredTransferSyntax(String preferredTransferSyntax) {
        this.preferredTransferSyntax = preferredTransferSyntax;
    }
}
