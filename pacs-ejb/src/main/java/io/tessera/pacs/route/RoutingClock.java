package io.tessera.pacs.route;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.logging.Logger;

/**
 * The time routing schedules and retries by: the system clock, moved by an offset that only a server started with
 * {@code -Dtessera.test.clock=true} lets tests set (RoutingIT opens a schedule window without waiting for it).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingClock {
    static final String TEST_PROPERTY = "tessera.test.clock";
    private static final Logger LOG = Logger.getLogger(RoutingClock.class.getName());

    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    /** The local time of day by which windows open and close. */
    public LocalTime timeOfDay() {
        return LocalTime.ofInstant(now(), ZoneId.systemDefault());
    }

    public Duration offset() {
        return offset;
    }

    /** Moves the clock; refused (InvalidRequestException) unless the server runs with -Dtessera.test.clock=true. */
    public void setOffset(Duration offset) {
        if (!Boolean.getBoolean(TEST_PROPERTY)) {
            throw new io.tessera.pacs.InvalidRequestException("The routing clock can only be moved in a server started with -D"
                    + TEST_PROPERTY + "=true (tests).");
        }
        this.offset = offset;
        LOG.warning(() -> "Routing clock moved by " + offset + ": now " + now() + " (test clock)");
    }
}
