package com.livermore.perseus.store;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.config.ActivitySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamTrimArgs;
import org.redisson.client.codec.StringCodec;

/**
 * Appends activity entries to {@code logs:network:{exchange}} with one {@code XADD … MAXLEN ~ cap},
 * so the cap bounds every stream on every write. The age rule ({@code XTRIM MINID ~}) runs on this
 * JVM's first append to a stream and then at most once per {@link #MIN_ID_TRIM_INTERVAL}: entries
 * become a minute older than the retention at most, and the hot path stays one native command.
 */
public class ActivityLog {
  /** How often each stream gets its age-based trim from this JVM (by {@code clock}). */
  public static final Duration MIN_ID_TRIM_INTERVAL = Duration.ofMinutes(1);

  /** Streams whose last age trim is remembered; past this the memory starts over (all due). */
  private static final int TRIMS_REMEMBERED = 1024;

  private final RedissonClient redisson;
  private final Keys keys;
  private final ActivitySettings settings;
  private final Clock clock;
  private final Map<String, Instant> lastAgeTrim = new ConcurrentHashMap<>();

  public ActivityLog(RedissonClient redisson, Keys keys, ActivitySettings settings, Clock clock) {
    this.redisson = redisson;
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
  }

  /** Appends the entry; returns its stream id. */
  public String append(ActivityEntry entry) {
    String key = keys.activity(entry.exchange());
    RStream<String, String> stream = redisson.getStream(key, StringCodec.INSTANCE);
    trimByAgeIfDue(key, stream);
    StreamMessageId id =
        stream.add(
            StreamAddArgs.entries(fieldMap(entry.fields(false)))
                .trimNonStrict()
                .maxLen(cap())
                .noLimit());
    return id.toString();
  }

  /** The trimming arguments for a write made now, for the scripts that append inside a step. */
  public StreamRetention retention() {
    return StreamRetention.at(settings, clock.instant());
  }

  /**
   * Runs before the XADD so that a failing trim fails the append before anything is written; the
   * interval is claimed with a compare-and-set, so concurrent appends trim once.
   */
  private void trimByAgeIfDue(String key, RStream<String, String> stream) {
    Instant now = clock.instant();
    Instant last = lastAgeTrim.get(key);
    if (last != null && now.isBefore(last.plus(MIN_ID_TRIM_INTERVAL))) {
      return;
    }
    if (last == null && lastAgeTrim.size() >= TRIMS_REMEMBERED) {
      lastAgeTrim.clear();
    }
    boolean ours =
        last == null
            ? lastAgeTrim.putIfAbsent(key, now) == null
            : lastAgeTrim.replace(key, last, now);
    if (!ours) {
      return;
    }
    try {
      stream.trimNonStrict(
          StreamTrimArgs.minId(new StreamMessageId(StreamRetention.cutoffMillis(settings, now), 0))
              .noLimit());
    } catch (RuntimeException e) {
      lastAgeTrim.remove(key, now);
      throw e;
    }
  }

  private int cap() {
    return (int) Math.min(settings.maxLength(), Integer.MAX_VALUE);
  }

  private static Map<String, String> fieldMap(List<String> fields) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i += 2) {
      map.put(fields.get(i), fields.get(i + 1));
    }
    return map;
  }
}
