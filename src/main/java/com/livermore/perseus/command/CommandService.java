package com.livermore.perseus.command;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.command.CommandOutcome.Result;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.Liveness;
import com.livermore.perseus.network.NetworkView;
import com.livermore.perseus.notify.WebhookNotifier;
import com.livermore.perseus.registry.OperatorIntent;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.store.ActivityLog;
import com.livermore.perseus.store.CommandBus;
import com.livermore.perseus.store.LeaseStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Runs an operator's command and reports what became of it. {@code start} and {@code stop} go to
 * the owning instance, wherever it runs; the caller is completed when the owner announces the
 * outcome (or after {@link #ANSWER_TIMEOUT}), without a thread waiting for it. {@code force-start}
 * frees the lease of a late or dead holder here, fencing it by epoch, so a standby takes over.
 * {@code handoff} goes to the owner too, once a live standby is known. Every command is recorded as
 * a {@code command} entry naming who issued it.
 */
@ApplicationScoped
public class CommandService {
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  @Inject LeaseStore leases;
  @Inject CommandBus bus;
  @Inject ActivityLog activity;
  @Inject NetworkView network;
  @Inject WebhookNotifier notifier;
  @Resource ManagedScheduledExecutorService scheduler;

  /** Completes with the outcome; with empty when the exchange is unknown. */
  public CompletionStage<Optional<CommandOutcome>> execute(
      String exchange, CommandType type, boolean confirm, String issuedBy) {
    return execute(exchange, type, confirm, issuedBy, null);
  }

  /**
   * As {@link #execute(String, CommandType, boolean, String)}, a {@code handoff} going to the
   * standby {@code to} (null: the first, warm ones first).
   *
   * @throws CommandRefusedException for a handoff without a live standby, or to an instance that is
   *     not one (recorded like any outcome)
   */
  public CompletionStage<Optional<CommandOutcome>> execute(
      String exchange, CommandType type, boolean confirm, String issuedBy, String to) {
    Optional<ExchangeStatus> status = network.exchange(exchange);
    if (status.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
    Command command =
        new Command(UUID.randomUUID().toString(), exchange, type, issuedBy, Instant.now(), to);
    if (type == CommandType.HANDOFF) refuseWithoutStandby(command, status.get());
    CompletionStage<CommandOutcome> outcome =
        switch (type) {
          case FORCE_START ->
              CompletableFuture.completedFuture(forceStart(command, status.get(), confirm));
          case STOP, START, HANDOFF -> viaOwner(command);
        };
    return outcome.thenApply(
        o -> {
          record(o, status.get());
          return Optional.of(o);
        });
  }

  private CompletionStage<CommandOutcome> viaOwner(Command command) {
    CommandBus.Expected expected =
        bus.expectOutcome(
            command.exchange(),
            json ->
                CommandOutcome.fromJson(json).filter(o -> command.id().equals(o.id())).isPresent());
    long receivers;
    try {
      receivers = bus.publish(command.exchange(), command.toJson());
    } catch (RuntimeException e) {
      expected.close();
      throw e;
    }
    if (receivers == 0) {
      expected.close();
      return CompletableFuture.completedFuture(withoutOwner(command));
    }
    CompletableFuture<String> answer = expected.answer();
    scheduler.schedule(
        () -> answer.complete(null), ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    return answer
        .thenApplyAsync(
            json ->
                Optional.ofNullable(json)
                    .flatMap(CommandOutcome::fromJson)
                    // An announcement missed (say, during a reconnect) is still stored.
                    .or(
                        () ->
                            bus.readOutcome(command.exchange(), command.id())
                                .flatMap(CommandOutcome::fromJson))
                    .orElseGet(() -> timedOut(command)),
            scheduler)
        .whenComplete((o, e) -> expected.close());
  }

  /** A handoff needs a live standby, and the one it names must be one. */
  private void refuseWithoutStandby(Command command, ExchangeStatus status) {
    List<ExchangeStatus.Standby> standbys =
        status.standbys() == null ? List.of() : status.standbys();
    CommandRefusedException.Reason reason = null;
    String detail = null;
    if (standbys.isEmpty()) {
      reason = CommandRefusedException.Reason.NO_STANDBY;
      detail =
          command.exchange()
              + " has no live standby to hand over to; start an instance for it first.";
    } else if (command.to() != null
        && standbys.stream().noneMatch(s -> command.to().equals(s.instanceId()))) {
      reason = CommandRefusedException.Reason.NOT_A_STANDBY;
      detail =
          "Instance "
              + command.to()
              + " is not a live standby of "
              + command.exchange()
              + "; its standbys are "
              + standbys.stream().map(ExchangeStatus.Standby::instanceId).toList()
              + ".";
    }
    if (reason == null) return;
    record(CommandOutcome.of(command, Result.REFUSED, detail), status);
    throw new CommandRefusedException(reason, detail);
  }

  /** Nobody owns the exchange right now: a stop holds it stopped, a start lifts that stop. */
  private CommandOutcome withoutOwner(Command command) {
    if (command.command() == CommandType.HANDOFF) {
      return CommandOutcome.of(
          command,
          Result.REFUSED,
          "no live instance owns " + command.exchange() + " to hand it over");
    }
    if (command.command() == CommandType.STOP) {
      leases.setIntent(command.exchange(), new OperatorIntent(command.issuedBy(), command.at()));
      return CommandOutcome.of(
          command,
          Result.DONE,
          "no instance runs "
              + command.exchange()
              + "; it stays stopped network-wide until a start");
    }
    if (leases.clearIntent(command.exchange())) {
      return CommandOutcome.of(
          command,
          Result.ACCEPTED,
          "the operator stop is lifted; a waiting or restarted instance claims "
              + command.exchange()
              + " within one heartbeat");
    }
    return CommandOutcome.of(
        command, Result.REFUSED, "no live instance owns " + command.exchange() + " to start it");
  }

  private static CommandOutcome timedOut(Command command) {
    return CommandOutcome.of(
        command,
        Result.TIMED_OUT,
        "the owning instance did not answer within "
            + ANSWER_TIMEOUT.toSeconds()
            + "s; its state on the card will tell");
  }

  private CommandOutcome forceStart(Command command, ExchangeStatus status, boolean confirm) {
    OwnerRecord holder = status.owner();
    if (status.liveness() == Liveness.ALIVE && !confirm) {
      return CommandOutcome.of(
          command,
          Result.REFUSED,
          command.exchange()
              + " is held by a live instance ("
              + holder.instanceId()
              + " on "
              + holder.hostname()
              + "); confirm to take it over anyway");
    }
    Instant now = Instant.now();
    String previous =
        holder == null
            ? "no lease"
            : "the lease of instance " + holder.instanceId() + " (epoch " + holder.epoch() + ")";
    ActivityEntry takeover =
        ActivityEntry.of(
                EventType.TAKEOVER,
                command.exchange(),
                holder == null ? "" : holder.instanceId(),
                0,
                holder == null ? "" : holder.hostname(),
                now)
            .withMessage("force-start by " + command.issuedBy() + ": released " + previous);
    Optional<Long> epoch =
        leases.forceRelease(
            command.exchange(),
            holder == null ? "" : holder.instanceId(),
            holder == null ? 0 : holder.epoch(),
            activity.retention(),
            takeover);
    epoch.ifPresent(e -> notifier.offer(takeover.withEpoch(e)));
    epoch.ifPresent(e -> tellStandbys(command.exchange(), holder, now));
    if (epoch.isEmpty()) {
      return CommandOutcome.of(
          command,
          Result.REFUSED,
          "the lease of " + command.exchange() + " changed hands meanwhile; look again");
    }
    return CommandOutcome.of(
        command,
        Result.DONE,
        "released "
            + previous
            + "; fencing epoch is now "
            + epoch.get()
            + ", so the old holder stops if it returns; a waiting standby was told to take over");
  }

  /** The lease is free: a waiting standby claims now instead of at its next heartbeat. */
  private void tellStandbys(String exchange, OwnerRecord holder, Instant now) {
    try {
      bus.publishHandoff(
          exchange,
          new HandoffNotice(
                  exchange,
                  holder == null ? null : holder.instanceId(),
                  holder == null ? 0 : holder.epoch(),
                  null,
                  now)
              .toJson());
    } catch (RuntimeException e) {
      // the standbys claim at their next heartbeat
    }
  }

  private void record(CommandOutcome outcome, ExchangeStatus status) {
    OwnerRecord r = status.record();
    activity.append(
        ActivityEntry.of(
                EventType.COMMAND,
                outcome.exchange(),
                r == null ? "" : r.instanceId(),
                r == null ? 0 : r.epoch(),
                r == null ? "" : r.hostname(),
                Instant.now())
            .withMessage(
                outcome.command().wireName()
                    + " by "
                    + outcome.issuedBy()
                    + ": "
                    + outcome.outcome().wireName()
                    + (outcome.reason() == null ? "" : " (" + outcome.reason() + ")")));
  }
}
