package com.livermore.perseus.command;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.ActivityLog;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.command.CommandOutcome.Result;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.Liveness;
import com.livermore.perseus.network.NetworkView;
import com.livermore.perseus.notify.WebhookNotifier;
import com.livermore.perseus.registry.Keys;
import com.livermore.perseus.registry.OperatorIntent;
import com.livermore.perseus.registry.OwnerRecord;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.redisson.api.RedissonClient;

/**
 * Runs an operator's command and reports what became of it. {@code start} and {@code stop} go to
 * the owning instance, wherever it runs, and the caller waits (bounded) for its answer; {@code
 * force-start} frees the lease of a late or dead holder here, fencing it by epoch, so a standby
 * takes over. Every command is recorded as a {@code command} entry naming who issued it.
 */
@ApplicationScoped
public class CommandService {
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  @Inject RedissonClient redisson;
  @Inject PerseusConfig config;
  @Inject NetworkView network;
  @Inject WebhookNotifier notifier;

  private CommandChannel channel;
  private ActivityLog activity;

  @PostConstruct
  void init() {
    Keys keys = new Keys(config.redis().keyPrefix());
    channel = new CommandChannel(redisson, keys);
    activity = new ActivityLog(redisson, keys::activity, config.activity(), Clock.systemUTC());
  }

  /** Empty when the exchange is unknown. */
  public Optional<CommandOutcome> execute(
      String exchange, CommandType type, boolean confirm, String issuedBy) {
    Optional<ExchangeStatus> status = network.exchange(exchange);
    if (status.isEmpty()) return Optional.empty();
    Command command =
        new Command(UUID.randomUUID().toString(), exchange, type, issuedBy, Instant.now());
    CommandOutcome outcome =
        switch (type) {
          case FORCE_START -> forceStart(command, status.get(), confirm);
          case STOP, START -> viaOwner(command);
        };
    record(outcome, status.get());
    return Optional.of(outcome);
  }

  private CommandOutcome viaOwner(Command command) {
    long receivers = channel.publish(command);
    if (receivers == 0) {
      if (command.command() == CommandType.STOP) {
        channel.setIntent(command.exchange(), new OperatorIntent(command.issuedBy(), command.at()));
        return CommandOutcome.of(
            command,
            Result.DONE,
            "no instance runs "
                + command.exchange()
                + "; it stays stopped network-wide until a start");
      }
      if (channel.clearIntent(command.exchange())) {
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
    long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<CommandOutcome> answer = channel.readOutcome(command.exchange(), command.id());
      if (answer.isPresent()) return answer.get();
      sleep(100);
    }
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
        channel.forceRelease(
            command.exchange(),
            holder == null ? "" : holder.instanceId(),
            holder == null ? 0 : holder.epoch(),
            activity.retention(),
            takeover);
    epoch.ifPresent(e -> notifier.offer(takeover.withEpoch(e)));
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
            + ", so the old holder stops if it returns; a standby takes over within one heartbeat");
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

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
