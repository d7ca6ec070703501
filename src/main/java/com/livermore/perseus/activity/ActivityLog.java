package com.livermore.perseus.activity;

import com.livermore.perseus.config.ActivitySettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Appends activity entries to {@code logs:network:{exchange}}, trimming on every write ({@code
 * MAXLEN ~} cap and {@code MINID ~} retention) in one Lua round trip.
 */
public class ActivityLog {
  private static final String APPEND = load("append.lua");

  private final RedissonClient redisson;
  private final Function<String, String> streamKey;
  private final ActivitySettings settings;
  private final Clock clock;

  /**
   * {@code streamKey} maps an exchange to its stream key (the registry's {@code Keys#activity}).
   */
  public ActivityLog(
      RedissonClient redisson,
      Function<String, String> streamKey,
      ActivitySettings settings,
      Clock clock) {
    this.redisson = redisson;
    this.streamKey = streamKey;
    this.settings = settings;
    this.clock = clock;
  }

  /** Appends the entry; returns its stream id. */
  public String append(ActivityEntry entry) {
    String key = streamKey.apply(entry.exchange());
    StreamRetention retention = retention();
    List<Object> args =
        new ArrayList<>(List.of(Long.toString(retention.maxLength()), retention.minId()));
    args.addAll(entry.fields(false));
    return redisson
        .getScript(StringCodec.INSTANCE)
        .eval(
            key,
            RScript.Mode.READ_WRITE,
            APPEND,
            RScript.ReturnType.STRING,
            List.of(key),
            args.toArray());
  }

  /** The trimming arguments for a write made now. */
  public StreamRetention retention() {
    return StreamRetention.at(settings, clock.instant());
  }

  private static String load(String name) {
    try (InputStream in = ActivityLog.class.getResourceAsStream("/lua/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
