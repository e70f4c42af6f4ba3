package io.tessera.pacs.browse;

import io.tessera.pacs.store.DataDirectory;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Rendered frames kept on disk for the console ({@code ${tessera.data.dir}/cache/rendered/<SOP Instance UID>/}), so a
 * viewer going back and forth through frames and windows decodes each once. An entry's name starts with the stored
 * file's digest: when a duplicate replaces the instance, its digest changes and the old renderings are never served
 * again (they are removed on the next write); deleting the instance removes its directory.
 */
public final class RenderedCache {
    private static final Logger LOG = Logger.getLogger(RenderedCache.class.getName());

    private RenderedCache() {
    }

    public static Path root() {
        return DataDirectory.path().resolve("cache").resolve("rendered");
    }

    /** The cache file of one rendering; {@code voiKey} is made of [A-Za-z0-9._-] only. */
    public static Path entry(String sopInstanceUid, String digest, int frame, String voiKey) {
        String d = digest == null || digest.length() < 16 ? "nodigest" : digest.substring(0, 16);
        return root().resolve(sopInstanceUid).resolve(d + "-f" + frame + "-" + voiKey + ".png");
    }

    /** Stores a rendering (atomically: readers see a whole file or none) and drops renderings of older files. */
    public static void put(Path entry, byte[] png) {
        try {
            Path dir = Files.createDirectories(entry.getParent());
            String digestPrefix = entry.getFileName().toString().substring(0, entry.getFileName().toString().indexOf('-'));
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, p -> !p.getFileName().toString().startsWith(digestPrefix))) {
                for (Path p : old) {
                    Files.deleteIfExists(p);
                }
            }
            Path tmp = Files.createTempFile(dir, ".rendering", ".tmp");
            Files.write(tmp, png);
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not cache " + entry, e);
        }
    }

    /** Removes every rendering of an instance (it was deleted). */
    public static void evict(String sopInstanceUid) {
        Path dir = root().resolve(sopInstanceUid);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove the renderings of " + sopInstanceUid + ": " + e, e);
        }
    }
}
