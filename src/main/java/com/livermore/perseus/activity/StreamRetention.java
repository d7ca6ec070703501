package com.livermore.perseus.activity;

import com.livermore.perseus.config.ActivitySettings;
import java.time.Instant;

/**
 * The trimming arguments every write applies: {@code MAXLEN ~ cap} on the XADD and {@code MINID ~}
 * of now minus the retention, as stream ids ({@code <ms>-0}).
 */
public record StreamRetention(long maxLength, String minId) {

  public static StreamRetention at(ActivitySettings settings, Instant now) {
    long cutoff = Math.max(0, now.toEpochMilli() - settings.retention().toMillis());
    return new StreamRetention(settings.maxLength(), cutoff + "-0");
  }
}
