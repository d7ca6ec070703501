package com.livermore.perseus.instance;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.command.Command;
import com.livermore.perseus.command.CommandOutcome;
import com.livermore.perseus.command.CommandOutcome.Result;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OperatorIntent;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.store.CommandBus;
import com.livermore.perseus.store.ExchangeDirectory;
import com.livermore.perseus.store.LeaseStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Lock;
import java.util.logging.Logger;

/**
 * The operator's commands to this instance while it owns its exchange: it listens on the exchange's
 * command channel, runs each command off the Redis client's thread under the instance lock, and
 * writes back the outcome the caller waits for. {@code stop} walks the work to stopped, keeps the
 * lease (so no standby takes over) and records the intent; {@code start} lifts the intent and
 * starts the work again; {@code handoff} stops the work, releases the lease and tells a standby.
 */
final class OwnerCommands {
  private static final Logger LOG = Logger.getLogger(OwnerCommands.class.getName());

  /** How long a handoff waits to name the new owner in its outcome. */
  private static final Duration HANDOFF_WAIT = Duration.ofSeconds(3);

  private final String exchange;
  private final String hostname;
  private final CommandBus bus;
  private final LeaseStore leases;
  private final Executor worker;
  private final Lock lock;
  private final LeaseKeeper keeper;
  private final ExchangeWork work;
  private final Handoffs handoffs;
  private final Runnable handedOver;
  private Integer listenerId;

  OwnerCommands(
      String exchange,
      String hostname,
      CommandBus bus,
      LeaseStore leases,
      Executor worker,
      Lock lock,
      LeaseKeeper keeper,
      ExchangeWork work,
      Handoffs handoffs,
      Runnable handedOver) {
    this.exchange = exchange;
    this.hostname = hostname;
    this.bus = bus;
    this.leases = leases;
    this.worker = worker;
    this.lock = lock;
    this.keeper = keeper;
    this.work = work;
    this.handoffs = handoffs;
    this.handedOver = handedOver;
  }

  synchronized void listen() {
    if (listenerId != null) return;
    try {
      listenerId =
          bus.subscribe(
              exchange,
              json -> Command.fromJson(json).ifPresent(c -> worker.execute(() -> answer(c))));
    } catch (RuntimeException e) {
      LOG.warning(() -> "Cannot listen for commands to " + exchange + ": " + e.getMessage());
    }
  }

  synchronized void stopListening() {
    Integer id = listenerId;
    listenerId = null;
    if (id == null) return;
    try {
      bus.unsubscribe(exchange, id);
    } catch (RuntimeException e) {
      // Redis is gone: the subscription went with the connection
    }
  }

  private void answer(Command command) {
    CommandOutcome outcome;
    try {
      outcome =
          switch (command.command()) {
            case STOP -> stop(command);
            case START -> start(command);
            case HANDOFF -> handoff(command);
            case FORCE_START ->
                CommandOutcome.of(command, Result.REFUSED, "force-start is not sent to the owner");
          };
    } catch (RuntimeException e) {
      outcome =
          CommandOutcome.of(
              command, Result.REFUSED, "the instance could not record it: " + e.getMessage());
    }
    try {
      bus.writeOutcome(exchange, outcome.id(), outcome.toJson());
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "Could not write the outcome of "
                  + command.command().wireName()
                  + " on "
                  + exchange
                  + ": "
                  + e.getMessage());
    }
  }

  private CommandOutcome stop(Command command) {
    lock.lock();
    try {
      if (!keeper.holds()) return notOwner(command);
      ConnectionState state = work.state();
      if (state.isWorking()) {
        work.stop();
        if (!work.moveTo(ConnectionState.STOPPING) || !work.moveTo(ConnectionState.STOPPED)) {
          return CommandOutcome.of(
              command,
              Result.REFUSED,
              "the instance could not record it: The lease on "
                  + exchange
                  + " was lost; the exchange work stops.");
        }
      } else if (state != ConnectionState.STOPPED) {
        return CommandOutcome.of(command, Result.REFUSED, "cannot stop from " + state.wireName());
      }
      leases.setIntent(exchange, new OperatorIntent(command.issuedBy(), command.at()));
      return CommandOutcome.of(
          command,
          Result.DONE,
          state == ConnectionState.STOPPED
              ? "already stopped; it stays stopped until a start"
              : "stopped on " + hostname + "; it stays stopped until a start");
    } finally {
      lock.unlock();
    }
  }

  private CommandOutcome start(Command command) {
    lock.lock();
    try {
      if (!keeper.holds()) return notOwner(command);
      ConnectionState state = work.state();
      leases.clearIntent(exchange);
      if (state != ConnectionState.STOPPED) {
        return CommandOutcome.of(command, Result.REFUSED, "already " + state.wireName());
      }
      work.start();
      return CommandOutcome.of(command, Result.ACCEPTED, "starting on " + hostname);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the work (recorded), releases the lease with compare-and-delete, tells the chosen
   * standby, and reports who holds the exchange a moment later.
   */
  private CommandOutcome handoff(Command command) {
    Lease released;
    ExchangeDirectory.StandbyEntry target;
    lock.lock();
    try {
      if (!keeper.holds()) return notOwner(command);
      Optional<ExchangeDirectory.StandbyEntry> to = handoffs.target(command.to());
      if (to.isEmpty()) {
        return CommandOutcome.of(
            command,
            Result.REFUSED,
            command.to() == null
                ? "no live standby of " + exchange + " to hand over to"
                : "instance " + command.to() + " is not a live standby of " + exchange);
      }
      target = to.get();
      released = keeper.current();
      if (released == null) return notOwner(command);
      work.stop();
      List<ActivityEntry> walk = work.walkToStoppedUnwritten();
      String why = "for a handoff to " + target.instanceId() + " on " + target.hostname();
      String notice = handoffs.notice(released);
      if (keeper.release(work::record, why, walk, notice, target.instanceId()).isEmpty()) {
        return notOwner(command);
      }
      handedOver.run();
      stopListening();
    } finally {
      lock.unlock();
    }
    long told = System.nanoTime();
    return handoffs
        .newHolder(released, HANDOFF_WAIT)
        .flatMap(OwnerCommands::readable)
        .map(
            holder ->
                CommandOutcome.of(
                    command,
                    Result.DONE,
                    "handed over to "
                        + holder.instanceId()
                        + " on "
                        + holder.hostname()
                        + " under epoch "
                        + holder.epoch()
                        + ", "
                        + (System.nanoTime() - told) / 1_000_000
                        + " ms after the release"))
        .orElseGet(
            () ->
                CommandOutcome.of(
                    command,
                    Result.ACCEPTED,
                    "released; "
                        + target.instanceId()
                        + " was told but holds no lease yet; a standby claims "
                        + exchange
                        + " within one heartbeat"));
  }

  private static Optional<OwnerRecord> readable(String raw) {
    try {
      return Optional.ofNullable(RecordJson.readOwner(raw));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static CommandOutcome notOwner(Command command) {
    return CommandOutcome.of(command, Result.REFUSED, "this instance no longer owns the lease");
  }
}
