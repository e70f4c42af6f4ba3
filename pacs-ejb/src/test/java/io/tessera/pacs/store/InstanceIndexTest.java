package io.tessera.pacs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.pacs.domain.Instance;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The next image of a known series is indexed by a plain JDBC insert (InstanceIndex.indexNext), the first by JPA: the
 * insert must write every column the entity maps, or an attribute added to {@link Instance} would stay empty for
 * nearly every image without anything failing.
 */
class InstanceIndexTest {

    @Test
    void theFastInsertWritesEveryColumnTheInstanceEntityMaps() {
        String sql = InstanceIndex.INSERT_INSTANCE;
        String list = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')'));
        Set<String> inserted = Arrays.stream(list.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));

        Set<String> mapped = new TreeSet<>();
        for (Field f : Instance.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(Id.class) || java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Column column = f.getAnnotation(Column.class);
            JoinColumn join = f.getAnnotation(JoinColumn.class);
            if (column != null) {
                mapped.add(column.name().isEmpty() ? f.getName() : column.name());
            } else if (join != null) {
                mapped.add(join.name());
            }
        }
        assertEquals(mapped, inserted, "InstanceIndex.INSERT_INSTANCE's columns");
        long placeholders = sql.chars().filter(c -> c == '?').count();
        assertEquals(inserted.size(), placeholders, "one value per column");
    }
}
