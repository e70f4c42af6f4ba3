package io.tessera.pacs.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One storage area on the dashboard: its directory, what the index says is stored there, and its file system. */
public class StorageArea implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String role;
    private final List<String> aeTitles = new ArrayList<>();
    private long usedBytes;
    private long instances;
    private long freeBytes = -1;
    private long totalBytes = -1;
    private String problem;

    public StorageArea(String path, String role) {
        this.path = path;
        this.role = role;
    }

    void addUser(String aeTitle) {
        aeTitles.add(aeTitle);
    }

    public String getPath() {
        return path;
    }

    /** "default", "no longer configured" or empty. */
    public String getRole() {
        return role;
    }

    /** The AEs whose archive directory this is. */
    public List<String> getAeTitles() {
        return aeTitles;
    }

    /** The sum of file_size of the indexed instances in this area. */
    public long getUsedBytes() {
        return usedBytes;
    }

    public void setUsedBytes(long usedBytes) {
        this.usedBytes = usedBytes;
    }

    public long getInstances() {
        return instances;
    }

    public void setInstances(long instances) {
        this.instances = instances;
    }

    /** Usable space of the area's file store, -1 if unknown. */
    public long getFreeBytes() {
        return freeBytes;
    }

    public void setFreeBytes(long freeBytes) {
        this.freeBytes = freeBytes;
    }

    public long getTotalBytes() {
        return totalBytes;
    }

    public void setTotalBytes(long totalBytes) {
        this.totalBytes = totalBytes;
    }

    public String getProblem() {
        return problem;
    }

    public void setProblem(String problem) {
        this.problem = problem;
    }
}
