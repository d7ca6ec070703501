package com.livermore.perseus.activity;

import com.livermore.perseus.config.ActivitySettings;
import java.time.Instant;

/**
 * The trimming arguments of a script that appends inside an atomic step: {@code MAXLEN ~ cap} on
 * the XADD and {@code MINID ~} of now minus the retention, as stream ids ({@code <ms>-0}).
 */
public record StreamRetention(long maxLength, String minId) {

  public static StreamRetention at(ActivitySettings settings, Instant now) {
    return new StreamRetention(settings.maxLength(), cutoffMillis(settings, now) + "-0");
  }

  /** Now minus the retention, in ms: entries older than this may be trimmed. */
  public static long cutoffMillis(ActivitySettings settings, Instant now) {
    return Math.max(0, now.toEpochMilli() - settings.retention().toMillis());
  }
}
