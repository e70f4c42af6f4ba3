package io.tessera.pacs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored image's marker, and the file a replacing copy superseded, may go only once the index is on disk: on H2
 * after {@code CHECKPOINT SYNC}, never when that fails (the files then wait for the next tick).
 */
class IndexSyncTest {
    @TempDir
    Path dir;

    /** What the fake database was asked, and whether each marker still existed when it was. */
    private final List<String> executed = new ArrayList<>();
    private boolean failing;

    @Test
    void onH2TheFilesGoOnlyAfterTheCheckpointSync() throws Exception {
        Path marker = Files.writeString(dir.resolve("a.target"), "x");
        Path replaced = Files.writeString(dir.resolve("old.dcm"), "x");
        IndexSync sync = sync("H2", marker);
        sync.deleteWhenDurable(marker, null, replaced);
        assertTrue(Files.exists(marker) && Files.exists(replaced), "nothing goes before the sync");

        sync.flush();
        assertEquals(List.of("CHECKPOINT SYNC (marker there)"), executed);
        assertFalse(Files.exists(marker));
        assertFalse(Files.exists(replaced));

        sync.flush(); // nothing waiting: no sync
        assertEquals(1, executed.size());
    }

    @Test
    void whenTheIndexCannotBeForcedTheFilesWaitForTheNextTick() throws Exception {
        Path marker = Files.writeString(dir.resolve("b.target"), "x");
        IndexSync sync = sync("H2", marker);
        sync.deleteWhenDurable(marker);
        failing = true;
        sync.flush();
        assertTrue(Files.exists(marker), "kept while the index cannot be forced");
        failing = false;
        sync.flush();
        assertFalse(Files.exists(marker));
    }

    @Test
    void onPostgreSqlEveryCommitIsOnDiskAlready() throws Exception {
        Path marker = Files.writeString(dir.resolve("c.target"), "x");
        IndexSync sync = sync("PostgreSQL", marker);
        sync.deleteWhenDurable(marker);
        sync.flush();
        assertEquals(List.of(), executed);
        assertFalse(Files.exists(marker));
    }

    private IndexSync sync(String product, Path watched) throws Exception {
        DatabaseMetaData meta = proxy(DatabaseMetaData.class, (m, a) -> m.equals("getDatabaseProductName") ? product : null);
        Statement statement = proxy(Statement.class, (m, a) -> {
            if (m.equals("execute")) {
                executed.add(a[0] + (Files.exists(watched) ? " (marker there)" : " (marker gone)"));
                return false;
            }
            return null;
        });
        Connection connection = proxy(Connection.class, (m, a) -> switch (m) {
            case "getMetaData" -> meta;
            case "createStatement" -> statement;
            default -> null;
        });
        DataSource dataSource = proxy(DataSource.class, (m, a) -> {
            if (m.equals("getConnection")) {
                if (failing) {
                    throw new SQLException("the database is down");
                }
                return connection;
            }
            return null;
        });
        IndexSync sync = new IndexSync();
        Field f = IndexSync.class.getDeclaredField("dataSource");
        f.setAccessible(true);
        f.set(sync, dataSource);
        return sync;
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(IndexSyncTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.answer(method.getName(), args));
    }
}
