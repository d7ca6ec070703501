package com.livermore.perseus.console;

import com.livermore.perseus.config.ConsoleSettings;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.Liveness;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.Printable;
import java.io.Serializable;

/**
 * What one instance card shows, computed from an {@link ExchangeStatus}. Pure: every rule a card
 * applies (latency colour, stuck transient state, "possibly dead", "last seen") is here and
 * unit-tested; the page only renders these values (escaped, like all output).
 */
public record CardView(
    String exchange,
    String displayName,
    String liveness,
    String state,
    String stateSeverity,
    String hostname,
    String ipAddress,
    String localAddress,
    String admin,
    int symbols,
    String uptime,
    String timeInState,
    String heartbeatAge,
    String latency,
    String latencyLevel,
    Integer warmupProgress,
    String lastError,
    String lastErrorAt,
    long epoch,
    String warning,
    String lastSeen,
    String problem,
    String instanceId,
    String stoppedBy,
    String standbys,
    String latencySparkline)
    implements Serializable {
  /** Text that came from records is shown with its control and bidi characters escaped. */
  public CardView {
    displayName = Printable.escape(displayName);
    hostname = Printable.escape(hostname);
    ipAddress = Printable.escape(ipAddress);
    localAddress = Printable.escape(localAddress);
    admin = Printable.escape(admin);
    lastError = Printable.escape(lastError);
    warning = Printable.escape(warning);
    problem = Printable.escape(problem);
    instanceId = Printable.escape(instanceId);
    stoppedBy = Printable.escape(stoppedBy);
    standbys = Printable.escape(standbys);
  }

  public static CardView of(ExchangeStatus s, ConsoleSettings settings) {
    OwnerRecord r = s.record();
    Liveness liveness = s.liveness();
    String state = s.state() == null ? "unknown" : s.state();
    String warning = null;
    if (liveness == Liveness.LATE) {
      warning = "Possibly dead: no heartbeat for " + HumanTime.of(s.heartbeatAgeMs());
    } else if (liveness == Liveness.ALIVE
        && r != null
        && r.state().isTransient()
        && s.timeInStateMs() != null
        && s.timeInStateMs() > settings.stuckAfter().toMillis()) {
      warning = "Stuck in " + state + " for " + HumanTime.of(s.timeInStateMs());
    }
    String lastSeen =
        liveness == Liveness.DEAD
            ? (s.lastSeen() == null
                ? "Never seen"
                : "Last seen " + HumanTime.of(s.heartbeatAgeMs()) + " ago")
            : null;
    return new CardView(
        s.exchange(),
        s.displayName(),
        liveness.wireName(),
        state,
        severity(state, liveness),
        r == null ? null : r.hostname(),
        r == null ? null : r.ipAddress(),
        r == null ? null : r.localAddress(),
        r == null ? null : r.admin(),
        r == null ? 0 : r.symbolCount(),
        liveness == Liveness.DEAD ? null : "Running for " + HumanTime.of(s.uptimeMs()),
        HumanTime.of(s.timeInStateMs()),
        HumanTime.ago(s.heartbeatAgeMs()),
        r == null || r.heartbeatLatencyMs() == null ? "—" : r.heartbeatLatencyMs() + " ms",
        latencyLevel(r, settings),
        r != null && r.state() == ConnectionState.WARMING ? r.warmupProgress() : null,
        r == null || r.lastError() == null ? null : r.lastError().message(),
        r == null || r.lastError() == null ? null : HumanTime.at(r.lastError().at()),
        r == null ? 0 : r.epoch(),
        warning,
        lastSeen,
        s.problem(),
        r == null ? null : r.instanceId(),
        s.stoppedByOperator() == null
            ? null
            : "Stopped by "
                + s.stoppedByOperator().stoppedBy()
                + " at "
                + HumanTime.at(s.stoppedByOperator().at()),
        standbys(s),
        r == null || liveness == Liveness.DEAD ? null : Sparkline.points(r.recentLatencyMs()));
  }

  /** "1 standby on host-b (warm)", "2 standbys on a (preparing 40%), b (cold)", or null. */
  static String standbys(ExchangeStatus s) {
    if (s.standbys() == null || s.standbys().isEmpty()) return null;
    int n = s.standbys().size();
    return n
        + (n == 1 ? " standby on " : " standbys on ")
        + String.join(
            ", ",
            s.standbys().stream()
                .map(
                    w ->
                        (w.hostname() == null ? w.instanceId() : w.hostname())
                            + " ("
                            + readiness(w)
                            + ")")
                .toList());
  }

  private static String readiness(ExchangeStatus.Standby w) {
    return "preparing".equals(w.readiness()) ? "preparing " + w.prepared() + "%" : w.readiness();
  }

  /** green / yellow / red against the configured thresholds; grey when unknown. */
  static String latencyLevel(OwnerRecord r, ConsoleSettings settings) {
    if (r == null || r.heartbeatLatencyMs() == null) return "unknown";
    long ms = r.heartbeatLatencyMs();
    if (ms >= settings.latencyCritical().toMillis()) return "red";
    if (ms >= settings.latencyWarn().toMillis()) return "yellow";
    return "green";
  }

  /** The PrimeFaces tag severity of a state badge. */
  static String severity(String state, Liveness liveness) {
    if (liveness == Liveness.DEAD) return null;
    return switch (state) {
      case "active" -> "success";
      case "starting", "warming" -> "info";
      case "stopping" -> "warning";
      case "stopped" -> "danger";
      default -> null;
    };
  }

  public boolean dead() {
    return "dead".equals(liveness);
  }

  public boolean late() {
    return "late".equals(liveness);
  }

  /** Stop applies to an instance that is starting, warming or active. */
  public boolean canStop() {
    return !dead()
        && ("starting".equals(state) || "warming".equals(state) || "active".equals(state));
  }

  /** Handoff applies to a live owner with a standby to take over. */
  public boolean canHandoff() {
    return "alive".equals(liveness) && standbys != null && stoppedBy == null;
  }

  /** Start applies to a stopped exchange, or one an operator's stop holds back. */
  public boolean canStart() {
    return stoppedBy != null || (!dead() && "stopped".equals(state));
  }

  /**
   * Force-start takes over from a late or dead holder (with a confirmation; an alive one needs the
   * API's confirm).
   */
  public boolean canForceStart() {
    return !"alive".equals(liveness);
  }
}
