package com.livermore.perseus.notify;

import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.Liveness;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.registry.OwnerRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the watcher's snapshots into "this exchange just died" events: an exchange whose lease was
 * alive or late in the previous snapshot and is gone now. Several instances watch the same network,
 * so {@code claim} (a Redis SET NX per exchange and epoch) lets exactly one of them report it.
 */
public final class DeathNotices implements Consumer<NetworkSnapshot> {
  private final Map<String, Liveness> previous = new HashMap<>();
  private final DeathClaim claim;
  private final Consumer<ExchangeStatus> onDeath;

  /**
   * Decides which watcher records and reports a death: true for exactly one caller per exchange and
   * epoch.
   */
  @FunctionalInterface
  public interface DeathClaim {
    boolean claim(ExchangeStatus dead);
  }

  public DeathNotices(DeathClaim claim, Consumer<ExchangeStatus> onDeath) {
    this.claim = claim;
    this.onDeath = onDeath;
  }

  @Override
  public synchronized void accept(NetworkSnapshot snapshot) {
    for (ExchangeStatus s : snapshot.exchanges()) {
      Liveness before = previous.put(s.exchange(), s.liveness());
      if (s.liveness() == Liveness.DEAD && before != null && before != Liveness.DEAD) {
        OwnerRecord last = s.lastKnown();
        // A clean release leaves its last record stopped: that owner said goodbye.
        if (last != null && last.state() != ConnectionState.STOPPED && claim.claim(s)) {
          onDeath.accept(s);
        }
      }
    }
  }
}
