package io.tessera.pacs.route;

import java.io.Serializable;

/** What a Forward queued: one task per instance, all to one destination; the message is for the console. */
public final class ForwardResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String destinationAe;
    private final int studies;
    private final int tasks;

    public ForwardResult(String destinationAe, int studies, int tasks) {
        this.destinationAe = destinationAe;
        this.studies = studies;
        this.tasks = tasks;
    }

    public String getDestinationAe() {
        return destinationAe;
    }

    public int getStudies() {
        return studies;
    }

    /** Instances queued (one task each). */
    public int getTasks() {
        return tasks;
    }

    public String getMessage() {
        return tasks + " image" + (tasks == 1 ? "" : "s") + " of " + studies + " stud" + (studies == 1 ? "y" : "ies")
                + " queued for " + destinationAe + "; the Tasks page shows their progress.";
    }
}
