package io.tessera.pacs.admin;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything the home dashboard shows, computed at {@link #getGeneratedAt()}. */
public class DashboardView implements Serializable {
    private static final long serialVersionUID = 1L;
    private Instant generatedAt;
    private String zone;
    private long instancesToday;
    private long studiesToday;
    private long instancesSinceStart;
    private List<HourCount> hourly;
    private List<StorageArea> areas;
    private Map<String, Long> refusals;
    private long failedTasks;
    private long waitingTasks;

    public Instant getGeneratedAt() {
        return generatedAt;
    }

    public void setGeneratedAt(Instant generatedAt) {
        this.generatedAt = generatedAt;
    }

    /** The server's time zone, in which "today" starts at midnight. */
    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public long getInstancesToday() {
        return instancesToday;
    }

    public void setInstancesToday(long instancesToday) {
        this.instancesToday = instancesToday;
    }

    /** Studies whose first instance arrived today. */
    public long getStudiesToday() {
        return studiesToday;
    }

    public void setStudiesToday(long studiesToday) {
        this.studiesToday = studiesToday;
    }

    public long getInstancesSinceStart() {
        return instancesSinceStart;
    }

    public void setInstancesSinceStart(long instancesSinceStart) {
        this.instancesSinceStart = instancesSinceStart;
    }

    /** 24 hourly buckets, oldest first. */
    public List<HourCount> getHourly() {
        return hourly;
    }

    public void setHourly(List<HourCount> hourly) {
        this.hourly = hourly;
    }

    public List<StorageArea> getAreas() {
        return areas;
    }

    public void setAreas(List<StorageArea> areas) {
        this.areas = areas;
    }

    /** C-STORE refusals since the server started, by status in hex. */
    public Map<String, Long> getRefusals() {
        return refusals;
    }

    public void setRefusals(Map<String, Long> refusals) {
        this.refusals = refusals;
    }

    /** Forward tasks failed for good (issue 7): they wait for a user's Retry. */
    public long getFailedTasks() {
        return failedTasks;
    }

    public void setFailedTasks(long failedTasks) {
        this.failedTasks = failedTasks;
    }

    /** Forward tasks not yet delivered: scheduled, pending or being sent. */
    public long getWaitingTasks() {
        return waitingTasks;
    }

    public void setWaitingTasks(long waitingTasks) {
        this.waitingTasks = waitingTasks;
    }
}
