package com.livermore.perseus.console;

import com.livermore.perseus.activity.ActivityRecord;
import com.livermore.perseus.registry.Printable;
import java.io.Serializable;
import java.time.Instant;

/** One row of the activity table; unreadable entries are shown flagged with their problem. */
public record ActivityRow(
    String id,
    String exchange,
    String type,
    String at,
    String relative,
    String hostname,
    String instanceId,
    Long epoch,
    String detail,
    boolean readable)
    implements Serializable {
  /** Text that came from the stream is shown with its control and bidi characters escaped. */
  public ActivityRow {
    hostname = Printable.escape(hostname);
    instanceId = Printable.escape(instanceId);
    detail = Printable.escape(detail);
  }

  static ActivityRow of(ActivityRecord r, Instant now) {
    if (!r.readable()) {
      return new ActivityRow(
          r.id(), r.exchange(), "unreadable", null, "", null, null, null, r.problem(), false);
    }
    var e = r.entry();
    StringBuilder detail = new StringBuilder();
    if (e.from() != null || e.to() != null) detail.append(e.from()).append(" → ").append(e.to());
    if (e.message() != null) detail.append(detail.length() > 0 ? " · " : "").append(e.message());
    if (e.count() != null) detail.append(" (×").append(e.count()).append(')');
    long ago = e.at() == null ? 0 : java.time.Duration.between(e.at(), now).toMillis();
    return new ActivityRow(
        r.id(),
        r.exchange(),
        e.type().wireName(),
        HumanTime.at(e.at()),
        HumanTime.ago(ago),
        e.hostname(),
        e.instanceId(),
        e.epoch(),
        detail.toString(),
        true);
  }

  /** The PrimeFaces tag severity that colours the event type. */
  public String severity() {
    return switch (type) {
      case "registered", "deregistered" -> "info";
      case "state_changed" -> "success";
      case "claim_conflict", "errors_suppressed", "command" -> "warning";
      case "lease_lost", "lease_expired", "takeover", "error", "unreadable" -> "danger";
      default -> null;
    };
  }
}
