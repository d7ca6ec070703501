package com.livermore.perseus.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Carries operator commands through Redis as JSON text: published on {@code perseus:commands:{x}},
 * where only the owning instance listens; the owner writes the outcome to {@code
 * exchange:{x}:command:<id>} (ten minutes) and announces it on {@code
 * perseus:command-outcomes:{x}}, so the caller is woken by the answer instead of polling for it.
 * Handoff notices go on {@code perseus:handoff:{x}}, where the standbys listen.
 */
public class CommandBus {
  private static final Duration OUTCOME_TTL = Duration.ofMinutes(10);

  private final RedissonClient redisson;
  private final Keys keys;

  public CommandBus(RedissonClient redisson, Keys keys) {
    this.redisson = redisson;
    this.keys = keys;
  }

  /** Sends a command; returns how many instances received it (0: nobody owns it right now). */
  public long publish(String exchange, String commandJson) {
    return topic(keys.commandChannel(exchange)).publish(commandJson);
  }

  /** Listens for commands to {@code exchange}; returns the listener id for {@link #unsubscribe}. */
  public int subscribe(String exchange, Consumer<String> handler) {
    return topic(keys.commandChannel(exchange))
        .addListener(String.class, (channel, json) -> handler.accept(json));
  }

  public void unsubscribe(String exchange, int listenerId) {
    topic(keys.commandChannel(exchange)).removeListener(listenerId);
  }

  /** Tells the standbys of {@code exchange} that its lease was released cleanly. */
  public long publishHandoff(String exchange, String noticeJson) {
    return topic(keys.handoffChannel(exchange)).publish(noticeJson);
  }

  /** Listens for handoff notices on {@code exchange}; returns the listener id. */
  public int subscribeHandoffs(String exchange, Consumer<String> handler) {
    return topic(keys.handoffChannel(exchange))
        .addListener(String.class, (channel, json) -> handler.accept(json));
  }

  public void unsubscribeHandoffs(String exchange, int listenerId) {
    topic(keys.handoffChannel(exchange)).removeListener(listenerId);
  }

  /** Stores a command's outcome and announces it, in one round trip. */
  public void writeOutcome(String exchange, String id, String outcomeJson) {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    batch
        .<String>getBucket(keys.commandOutcome(exchange, id), StringCodec.INSTANCE)
        .setAsync(outcomeJson, OUTCOME_TTL);
    batch.getTopic(keys.commandOutcomes(exchange), StringCodec.INSTANCE).publishAsync(outcomeJson);
    batch.execute();
  }

  public Optional<String> readOutcome(String exchange, String id) {
    return Optional.ofNullable(
        redisson.<String>getBucket(keys.commandOutcome(exchange, id), StringCodec.INSTANCE).get());
  }

  /**
   * Starts listening for the outcome of command {@code id} before it is sent (an answer cannot
   * overtake the subscription): {@link Expected#answer()} completes with the first announced
   * outcome that {@code isIt} recognises. Close it once the caller stops waiting.
   */
  public Expected expectOutcome(String exchange, Predicate<String> isIt) {
    RTopic topic = topic(keys.commandOutcomes(exchange));
    CompletableFuture<String> answer = new CompletableFuture<>();
    int id =
        topic.addListener(
            String.class,
            (channel, json) -> {
              if (isIt.test(json)) answer.complete(json);
            });
    return new Expected(topic, id, answer);
  }

  /** A subscription waiting for one command's outcome. */
  public static final class Expected implements AutoCloseable {
    private final RTopic topic;
    private final int listenerId;
    private final CompletableFuture<String> answer;

    private Expected(RTopic topic, int listenerId, CompletableFuture<String> answer) {
      this.topic = topic;
      this.listenerId = listenerId;
      this.answer = answer;
    }

    public CompletableFuture<String> answer() {
      return answer;
    }

    @Override
    public void close() {
      try {
        topic.removeListenerAsync(listenerId);
      } catch (RuntimeException e) {
        // Redis is gone: the subscription went with the connection
      }
    }
  }

  private RTopic topic(String channel) {
    return redisson.getTopic(channel, StringCodec.INSTANCE);
  }
}
