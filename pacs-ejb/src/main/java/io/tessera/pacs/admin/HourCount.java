package io.tessera.pacs.admin;

import java.io.Serializable;
import java.time.Instant;

/** Instances received in the hour starting at {@code start}. */
public class HourCount implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Instant start;
    private final long instances;

    public HourCount(Instant start, long instances) {
        this.start = start;
        this.instances = instances;
    }

    public Instant getStart() {
        return start;
    }

    public long getInstances() {
        return instances;
    }
}
