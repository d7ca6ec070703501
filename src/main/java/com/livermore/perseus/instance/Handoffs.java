package com.livermore.perseus.instance;

import com.livermore.perseus.command.HandoffNotice;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.store.CommandBus;
import com.livermore.perseus.store.ExchangeDirectory;
import com.livermore.perseus.store.ExchangeDirectory.StandbyEntry;
import com.livermore.perseus.store.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * Planned handoff, both sides. As an owner that released its lease cleanly (a {@code handoff}
 * command or its shutdown) it picks the standby to take over (the one named, else the first warm
 * one, else the first) and tells it on {@code perseus:handoff:{x}}; as a standby it listens there
 * and claims at once when a notice names it (or nobody), instead of at its next heartbeat.
 */
final class Handoffs {
  private static final Logger LOG = Logger.getLogger(Handoffs.class.getName());

  private final String exchange;
  private final InstanceIdentity identity;
  private final CommandBus bus;
  private final ExchangeDirectory directory;
  private final LeaseStore leases;
  private final Executor worker;
  private final Clock clock;
  private volatile Runnable claimNow = () -> {};
  private Integer listenerId;

  Handoffs(
      String exchange,
      InstanceIdentity identity,
      CommandBus bus,
      ExchangeDirectory directory,
      LeaseStore leases,
      Executor worker,
      Clock clock) {
    this.exchange = exchange;
    this.identity = identity;
    this.bus = bus;
    this.directory = directory;
    this.leases = leases;
    this.worker = worker;
    this.clock = clock;
    // The notice is written at undeploy, when the class loader may load nothing new: write one now.
    new HandoffNotice(exchange, "", 0, null, clock.instant()).toJson();
  }

  /** What a notice addressed to this standby runs (on the worker): the instance's claim. */
  void onNotice(Runnable claim) {
    this.claimNow = claim;
  }

  /** Listens for notices while this instance waits as a standby; once per standby period. */
  synchronized void listen() {
    if (listenerId != null) return;
    try {
      listenerId =
          bus.subscribeHandoffs(
              exchange,
              json ->
                  HandoffNotice.fromJson(json)
                      .filter(n -> exchange.equals(n.exchange()))
                      .filter(n -> n.addresses(identity.instanceId()))
                      .ifPresent(
                          n -> {
                            if (n.replicas() != null) {
                              leases.primeReplicas(exchange, n.replicas(), n.runId());
                            }
                            worker.execute(claimNow);
                          }));
    } catch (RuntimeException e) {
      // Without the notice the standby still claims at its next heartbeat.
      LOG.fine(() -> "Cannot listen for handoffs of " + exchange + ": " + e.getMessage());
    }
  }

  synchronized void stopListening() {
    Integer id = listenerId;
    listenerId = null;
    if (id == null) return;
    try {
      bus.unsubscribeHandoffs(exchange, id);
    } catch (RuntimeException e) {
      // Redis is gone: the subscription went with the connection
    }
  }

  /** The live standbys, warm ones first, then in the order they announced. */
  List<StandbyEntry> standbys() {
    return directory.standbys(exchange, clock.instant()).stream()
        .filter(s -> !s.instanceId().equals(identity.instanceId()))
        .sorted(Comparator.comparing((StandbyEntry s) -> s.prepared() < 100))
        .toList();
  }

  /** The standby a handoff goes to: {@code requested} if it is one, else the first; or empty. */
  Optional<StandbyEntry> target(String requested) {
    List<StandbyEntry> waiting = standbys();
    if (requested == null || requested.isEmpty()) return waiting.stream().findFirst();
    return waiting.stream().filter(s -> s.instanceId().equals(requested)).findFirst();
  }

  /** The notice that {@code released} is free, without {@code to}: the release adds it. */
  String notice(Lease released) {
    return new HandoffNotice(
            exchange, released.instanceId(), released.epoch(), null, clock.instant())
        .toJson();
  }

  /** The raw lease of whoever holds the exchange after {@code released}, within {@code wait}. */
  Optional<String> newHolder(Lease released, Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() - until < 0) {
      Optional<String> raw = leases.currentRaw(exchange);
      if (raw.isPresent()) return raw;
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Optional.empty();
  }
}
