package io.tessera.pacs.route;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.domain.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * How forward tasks are retried and how many associations go to one destination at once, kept in pacs_setting and
 * changed over JMX (RoutingMXBean): a failed attempt waits {@code base × 2^(attempts − 1)}, at most {@code maxDelay},
 * and the task fails for good after {@code maxAttempts}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingSettings {
    private static final Logger LOG = Logger.getLogger(RoutingSettings.class.getName());
    static final String MAX_ATTEMPTS = "routing.retry.max-attempts";
    static final String BASE_DELAY = "routing.retry.base-delay-seconds";
    static final String MAX_DELAY = "routing.retry.max-delay-seconds";
    static final String PARALLELISM = "routing.destination.parallelism";
    /** The last instance id the router has handled with every instance below it (Router). */
    static final String WATERMARK = "routing.watermark";

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    private volatile int maxAttempts;
    private volatile int baseDelaySeconds;
    private volatile int maxDelaySeconds;
    private volatile int parallelism;

    @PostConstruct
    void load() {
        maxAttempts = Integer.parseInt(value(MAX_ATTEMPTS, "10"));
        baseDelaySeconds = Integer.parseInt(value(BASE_DELAY, "10"));
        maxDelaySeconds = Integer.parseInt(value(MAX_DELAY, "1800"));
        parallelism = Integer.parseInt(value(PARALLELISM, "2"));
        LOG.info(() -> "Routing: " + maxAttempts + " attempts, retry after " + baseDelaySeconds + " s doubling up to "
                + maxDelaySeconds + " s, " + parallelism + " association(s) per destination");
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public int getBaseDelaySeconds() {
        return baseDelaySeconds;
    }

    public int getMaxDelaySeconds() {
        return maxDelaySeconds;
    }

    public int getParallelism() {
        return parallelism;
    }

    /** The wait after the {@code attempts}-th failed attempt. */
    public Duration backoff(int attempts) {
        long seconds = (long) baseDelaySeconds << Math.min(30, Math.max(0, attempts - 1));
        return Duration.ofSeconds(Math.min(seconds, maxDelaySeconds));
    }

    /** Changes the retry and parallelism settings; a null leaves that one as it is. */
    public void change(Integer newMaxAttempts, Integer newBaseDelay, Integer newMaxDelay, Integer newParallelism,
                       String by) {
        if (newMaxAttempts != null) {
            check(newMaxAttempts, 1, 1000, "The number of attempts");
            store(MAX_ATTEMPTS, newMaxAttempts);
        }
        if (newBaseDelay != null) {
            check(newBaseDelay, 1, 86400, "The first retry delay (seconds)");
            store(BASE_DELAY, newBaseDelay);
        }
        if (newMaxDelay != null) {
            check(newMaxDelay, 1, 7 * 86400, "The longest retry delay (seconds)");
            store(MAX_DELAY, newMaxDelay);
        }
        if (newParallelism != null) {
            check(newParallelism, 1, 32, "The associations per destination");
            store(PARALLELISM, newParallelism);
        }
        em.flush();
        load();
        LOG.info(() -> by + " changed the routing settings");
    }

    public long watermark() {
        return Long.parseLong(value(WATERMARK, "0"));
    }

    public void watermark(long id) {
        store(WATERMARK, id);
    }

    private static void check(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new InvalidRequestException(what + " is from " + min + " to " + max + ", not " + value + ".");
        }
    }

    private String value(String name, String defaultValue) {
        Setting s = em.find(Setting.class, name);
        return s == null ? defaultValue : s.getValue();
    }

    private void store(String name, long value) {
        Setting s = em.find(Setting.class, name);
        if (s == null) {
            em.persist(new Setting(name, Long.toString(value)));
        } else {
            s.setValue(Long.toString(value));
        }
    }
}
