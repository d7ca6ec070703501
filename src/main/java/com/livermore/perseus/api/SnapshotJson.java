package com.livermore.perseus.api;

import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.registry.RecordJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;

/**
 * The JSON of the whole network, written once per snapshot: the snapshot is shared by every request
 * within its 250 ms (see {@code NetworkView}), so a crowd of pollers gets the same bytes instead of
 * each serialising the same 80 KB again.
 */
@ApplicationScoped
public class SnapshotJson {
  private record Written(NetworkSnapshot snapshot, byte[] json, String tag) {}

  private volatile Written last;

  /** The JSON of {@code snapshot}; do not modify the array. */
  public byte[] of(NetworkSnapshot snapshot) {
    return written(snapshot).json();
  }

  /** The weak entity tag of {@code snapshot} ({@link EntityTags}). */
  public String tag(NetworkSnapshot snapshot) {
    return written(snapshot).tag();
  }

  private Written written(NetworkSnapshot snapshot) {
    Written written = last;
    if (written != null && written.snapshot() == snapshot) return written;
    try {
      byte[] json = RecordJson.mapper().writeValueAsBytes(snapshot);
      written = new Written(snapshot, json, EntityTags.tagOf(RecordJson.mapper().readTree(json)));
      last = written;
      return written;
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
