package com.livermore.perseus.api;

import com.fasterxml.jackson.core.JsonProcessingException;
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
  private record Written(NetworkSnapshot snapshot, byte[] json) {}

  private volatile Written last;

  /** The JSON of {@code snapshot}; do not modify the array. */
  public byte[] of(NetworkSnapshot snapshot) {
    Written written = last;
    if (written != null && written.snapshot() == snapshot) return written.json();
    try {
      byte[] json = RecordJson.mapper().writeValueAsBytes(snapshot);
      last = new Written(snapshot, json);
      return json;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
