package io.tessera.pacs.browse;

import java.io.Serializable;

/** What a delete removed: series and instances from the index, and how many of their files are gone. */
public record DeleteResult(String what, int series, int instances, int filesDeleted, int filesFailed) implements Serializable {
}
