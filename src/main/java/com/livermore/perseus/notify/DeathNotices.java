package com.livermore.perseus.notify;

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

  /** Decides which watcher reports a death: true for exactly one caller per exchange and epoch. */
  @FunctionalInterface
  public interface DeathClaim {
    boolean claim(String exchange, long epoch);
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
        if (last != null && claim.claim(s.exchange(), last.epoch())) onDeath.accept(s);
      }
    }
  }
}
