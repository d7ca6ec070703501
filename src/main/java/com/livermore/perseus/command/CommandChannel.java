package com.livermore.perseus.command;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.registry.Keys;
import com.livermore.perseus.registry.LuaScript;
import com.livermore.perseus.registry.OperatorIntent;
import com.livermore.perseus.registry.RecordJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Carries commands through Redis: published on the exchange's channel, where only the owning
 * instance listens; the owner writes the outcome to {@code exchange:{x}:command:<id>} (ten minutes)
 * for the caller to read. Also keeps the operator's stop intent and performs force-start.
 */
public class CommandChannel {
  private static final Duration OUTCOME_TTL = Duration.ofMinutes(10);
  private static final LuaScript FORCE_RELEASE = LuaScript.load("force-release.lua");

  private final RedissonClient redisson;
  private final Keys keys;

  public CommandChannel(RedissonClient redisson, Keys keys) {
    this.redisson = redisson;
    this.keys = keys;
  }

  /**
   * Sends the command; returns how many instances received it (0: nobody owns the exchange right
   * now).
   */
  public long publish(Command command) {
    return topic(command.exchange()).publish(RecordJson.write(command));
  }

  /** Listens for commands to {@code exchange}; returns the listener id for {@link #unsubscribe}. */
  public int subscribe(String exchange, Consumer<Command> handler) {
    return topic(exchange)
        .addListener(
            String.class,
            (channel, json) -> {
              try {
                handler.accept(RecordJson.mapper().readValue(json, Command.class));
              } catch (IOException e) {
                // not a command of ours: ignore it, nobody waits for an answer to it
              }
            });
  }

  public void unsubscribe(String exchange, int listenerId) {
    topic(exchange).removeListener(listenerId);
  }

  public void writeOutcome(CommandOutcome outcome) {
    redisson
        .<String>getBucket(
            keys.commandOutcome(outcome.exchange(), outcome.id()), StringCodec.INSTANCE)
        .set(RecordJson.write(outcome), OUTCOME_TTL);
  }

  public Optional<CommandOutcome> readOutcome(String exchange, String id) {
    String json =
        redisson.<String>getBucket(keys.commandOutcome(exchange, id), StringCodec.INSTANCE).get();
    if (json == null) return Optional.empty();
    try {
      return Optional.of(RecordJson.mapper().readValue(json, CommandOutcome.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public void setIntent(String exchange, OperatorIntent intent) {
    redisson
        .<String>getBucket(keys.intent(exchange), StringCodec.INSTANCE)
        .set(RecordJson.write(intent));
  }

  /** Clears a stop intent; true when there was one. */
  public boolean clearIntent(String exchange) {
    return redisson.<String>getBucket(keys.intent(exchange), StringCodec.INSTANCE).delete();
  }

  /**
   * Frees the lease if it is still held by {@code instanceId}/{@code epoch} (or nobody holds it),
   * bumping the epoch and logging {@code takeover}; returns the new epoch, or empty when the lease
   * changed hands meanwhile.
   */
  public Optional<Long> forceRelease(
      String exchange,
      String instanceId,
      long epoch,
      StreamRetention retention,
      ActivityEntry takeover) {
    List<Object> args =
        new ArrayList<>(
            List.of(
                instanceId == null ? "" : instanceId,
                Long.toString(epoch),
                Long.toString(retention.maxLength()),
                retention.minId()));
    args.addAll(takeover.fields(true));
    List<Object> reply =
        FORCE_RELEASE.call(
            redisson,
            RScript.ReturnType.LIST,
            List.of(
                keys.instance(exchange),
                keys.epoch(exchange),
                keys.intent(exchange),
                keys.activity(exchange)),
            args.toArray());
    return ((Long) reply.get(0)) == 1L ? Optional.of((Long) reply.get(1)) : Optional.empty();
  }

  private RTopic topic(String exchange) {
    return redisson.getTopic(keys.commandChannel(exchange), StringCodec.INSTANCE);
  }
}
