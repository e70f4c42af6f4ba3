package io.tessera.pacs.store;

import io.tessera.pacs.domain.IndexDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Deletes the files that may go only once the index rows that make them unnecessary are on disk, not merely
 * committed: a stored instance's {@code .target} marker (while it exists, start-up reconciliation can index the file
 * again) and the file of a duplicate its new copy replaced (while it exists, a row that still names it is not left
 * without a file).
 *
 * <p>Why: H2 writes a commit to its file before the commit returns (WRITE_DELAY=0) but does not force it to the
 * device, so a machine that loses power can lose the last commits — acknowledged images whose rows are gone. Deleting
 * their markers at once would leave their files unindexed and unknown to reconciliation. Here the markers wait,
 * about a second at most, until {@code CHECKPOINT SYNC} has forced H2's file; after a power loss the markers of
 * those last commits are still there and reconciliation indexes the files again (their digests match). PostgreSQL
 * forces its write-ahead log at every commit, so on PostgreSQL the files go at the next tick without a sync.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IndexSync {
    private static final Logger LOG = Logger.getLogger(IndexSync.class.getName());

    @Resource(lookup = "java:jboss/datasources/PacsDS")
    private DataSource dataSource;

    private final ConcurrentLinkedQueue<Path> waiting = new ConcurrentLinkedQueue<>();
    /** One flush at a time: the timer's and the one at shutdown. */
    private final ReentrantLock flushing = new ReentrantLock();

    /**
     * Deletes {@code files} (null entries are skipped) once every index commit made before this call is on disk —
     * within about a second.
     */
    public void deleteWhenDurable(Path... files) {
        for (Path f : files) {
            if (f != null) {
                waiting.add(f);
            }
        }
    }

    /**
     * Forces the index to disk now (on H2; PostgreSQL's commits are on disk already), for a caller that is about to
     * delete files whose rows a committed transaction removed. False, with a warning, when it cannot.
     */
    public boolean syncNow() {
        try {
            syncIndex();
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot force the index to disk", e);
            return false;
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        flush();
    }

    @PreDestroy
    void stop() {
        flush();
    }

    /** Forces the index to disk if anything waits for it, then deletes what waited. */
    void flush() {
        if (waiting.isEmpty() || !flushing.tryLock()) {
            return;
        }
        try {
            List<Path> batch = new ArrayList<>();
            for (Path p; (p = waiting.poll()) != null; ) {
                batch.add(p);
            }
            try {
                syncIndex();
            } catch (SQLException | RuntimeException e) {
                // kept: reconciliation at the next start finds the rows (or indexes the files again) either way
                waiting.addAll(batch);
                LOG.log(Level.WARNING, "Cannot force the index to disk; " + batch.size()
                        + " marker(s) and replaced file(s) kept until it can", e);
                return;
            }
            for (Path p : batch) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "Cannot delete " + p + " (reconciliation removes a marker at the next start)", e);
                }
            }
        } finally {
            flushing.unlock();
        }
    }

    private void syncIndex() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (IndexDatabase.of(c) == IndexDatabase.H2) {
                try (Statement st = c.createStatement()) {
                    st.execute("CHECKPOINT SYNC"); // H2: write what is committed and force the file to the device
                }
            }
        }
    }
}
