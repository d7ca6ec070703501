package com.livermore.perseus.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Judges a fault run's {@link History}, the way Jepsen's checkers judge a recorded history rather
 * than the system's own opinion of itself. It fails on:
 *
 * <ul>
 *   <li>two instances acting as owner of one exchange at overlapping times: an instance that was
 *       not paused acting under an epoch after another instance had started work under a newer one;
 *   <li>an epoch issued twice (two instances started work under it) or going backwards;
 *   <li>an action accepted from a superseded epoch (older than one the sink accepted before);
 *   <li>an exchange without an acting owner for longer than TTL + 2 heartbeat intervals (plus the
 *       warm-up) while a healthy contender existed, counted from the end of any Redis fault (one
 *       TTL more after a data loss, when standbys give the previous owner a TTL to re-claim).
 * </ul>
 *
 * A paused instance may act once or twice on waking before it notices its lease is gone; those
 * stale actions are exactly what the fencing sink exists for. They are counted (refused, or
 * accepted before the new owner's first action, which keeps the sink's order intact), not judged.
 * Pure: the unit test feeds it handmade histories.
 */
public final class HistoryChecker {
  private final long limitNanos;
  private final long dataLossExtraNanos;
  private final long settleNanos;
  private final long wakeGraceNanos;

  /**
   * {@code settle}: how long after a Redis fault's end the clients may need to find Redis again;
   * {@code wakeGrace}: how long after a pause an instance's stale actions are excused.
   */
  public HistoryChecker(
      Duration ttl, Duration interval, Duration warmup, Duration settle, Duration wakeGrace) {
    this.limitNanos = ttl.plus(interval.multipliedBy(2)).plus(warmup).toNanos();
    this.dataLossExtraNanos = ttl.toNanos();
    this.settleNanos = settle.toNanos();
    this.wakeGraceNanos = wakeGrace.toNanos();
  }

  /** The verdict: violations (empty when the history is valid) and the figures. */
  public record Report(List<String> violations, Map<String, Object> figures) {}

  public Report check(History history, long runStart, long runEnd) {
    List<String> violations = new ArrayList<>();
    Map<String, Object> figures = new LinkedHashMap<>();
    List<History.Start> starts = sorted(history.starts(), History.Start::at);
    List<History.Action> actions = sorted(history.actions(), History.Action::at);
    List<History.Fault> faults = history.faults();

    epochs(starts, violations);
    long stale = 0, staleRefused = 0;
    Map<String, Long> newestAccepted = new HashMap<>();
    for (History.Action a : actions) {
      long newest = newestAccepted.getOrDefault(a.exchange(), 0L);
      if (a.accepted()) {
        if (a.epoch() < newest) {
          violations.add(
              a.exchange()
                  + ": an action of epoch "
                  + a.epoch()
                  + " was accepted after epoch "
                  + newest
                  + " ("
                  + a.instance()
                  + ")");
        }
        newestAccepted.put(a.exchange(), Math.max(newest, a.epoch()));
      }
      History.Start newer = newerOwnerBefore(starts, a);
      if (newer != null) {
        stale++;
        if (!a.accepted()) staleRefused++;
        if (!wakingFromPause(faults, a)) {
          violations.add(
              a.exchange()
                  + ": "
                  + a.instance()
                  + " acted as owner under epoch "
                  + a.epoch()
                  + " "
                  + ms(a.at() - newer.at())
                  + " ms after "
                  + newer.instance()
                  + " had started work under epoch "
                  + newer.epoch()
                  + " (two owners at once, and not after a pause)");
        }
      }
    }
    long longestGap = gaps(actions, faults, runStart, runEnd, violations);

    figures.put("actions", actions.size());
    figures.put("actionsAccepted", actions.stream().filter(History.Action::accepted).count());
    figures.put("staleActionsAfterAPause", stale);
    figures.put("staleActionsRefusedByFencing", staleRefused);
    figures.put("ownerStarts", starts.size());
    figures.put(
        "takeovers",
        starts.stream().collect(Collectors.groupingBy(History.Start::exchange)).values().stream()
            .mapToLong(l -> Math.max(0, l.size() - 1))
            .sum());
    figures.put("longestOwnerlessGapMs", ms(longestGap));
    figures.put(
        "faultsByKind",
        new TreeMap<>(
            faults.stream()
                .collect(Collectors.groupingBy(History.Fault::kind, Collectors.counting()))));
    return new Report(violations, figures);
  }

  /** Per exchange, work starts in time order: each epoch one instance, never going back. */
  private static void epochs(List<History.Start> starts, List<String> violations) {
    Map<String, List<History.Start>> byExchange =
        starts.stream().collect(Collectors.groupingBy(History.Start::exchange));
    byExchange.forEach(
        (exchange, list) -> {
          Map<Long, String> owners = new HashMap<>();
          History.Start previous = null;
          for (History.Start s : list) {
            String owner = owners.putIfAbsent(s.epoch(), s.instance());
            if (owner != null && !owner.equals(s.instance())) {
              violations.add(
                  exchange
                      + ": epoch "
                      + s.epoch()
                      + " was issued twice ("
                      + owner
                      + " and "
                      + s.instance()
                      + ")");
            }
            if (previous != null && s.epoch() < previous.epoch()) {
              violations.add(
                  exchange
                      + ": the epoch went back from "
                      + previous.epoch()
                      + " ("
                      + previous.instance()
                      + ") to "
                      + s.epoch()
                      + " ("
                      + s.instance()
                      + ")");
            }
            previous = s;
          }
        });
  }

  /** A start by another instance under a newer epoch before {@code a}, or null. */
  private static History.Start newerOwnerBefore(List<History.Start> starts, History.Action a) {
    History.Start found = null;
    for (History.Start s : starts) {
      if (s.at() >= a.at()) break;
      if (s.exchange().equals(a.exchange())
          && s.epoch() > a.epoch()
          && !s.instance().equals(a.instance())) {
        found = s;
      }
    }
    return found;
  }

  private boolean wakingFromPause(List<History.Fault> faults, History.Action a) {
    for (History.Fault f : faults) {
      if (a.instance().equals(f.instance())
          && "owner paused".equals(f.kind())
          && a.at() >= f.from()
          && a.at() <= f.until() + wakeGraceNanos) {
        return true;
      }
    }
    return false;
  }

  /**
   * The longest time an exchange went without an accepted action, judged from the later of the last
   * action and the end of the last Redis fault that touched the gap.
   */
  private long gaps(
      List<History.Action> actions,
      List<History.Fault> faults,
      long runStart,
      long runEnd,
      List<String> violations) {
    Map<String, List<Long>> accepted = new TreeMap<>();
    for (History.Action a : actions) {
      if (a.accepted()) accepted.computeIfAbsent(a.exchange(), k -> new ArrayList<>()).add(a.at());
    }
    long longest = 0;
    for (Map.Entry<String, List<Long>> e : accepted.entrySet()) {
      List<Long> times = e.getValue();
      List<long[]> spans = new ArrayList<>();
      for (int i = 1; i < times.size(); i++) spans.add(new long[] {times.get(i - 1), times.get(i)});
      spans.add(new long[] {times.get(times.size() - 1), runEnd});
      for (long[] span : spans) {
        long from = span[0];
        long limit = limitNanos;
        for (History.Fault f : faults) {
          if (f.redisDown() && f.from() <= span[1] && f.until() + settleNanos >= span[0]) {
            from = Math.max(from, f.until() + settleNanos);
            if (f.dataLost()) limit = limitNanos + dataLossExtraNanos;
          }
        }
        long gap = span[1] - from;
        if (gap > longest) longest = gap;
        if (gap > limit) {
          violations.add(
              e.getKey()
                  + ": no owner acted for "
                  + ms(gap)
                  + " ms (limit "
                  + ms(limit)
                  + " ms) from +"
                  + ms(from - runStart)
                  + " ms although no Redis fault explains it; faults before: "
                  + faultsBefore(faults, from, runStart));
        }
      }
    }
    return longest;
  }

  /** The faults of the 15 s before {@code at}, for a violation's message. */
  private static String faultsBefore(List<History.Fault> faults, long at, long runStart) {
    return faults.stream()
        .filter(f -> f.from() <= at && f.from() >= at - Duration.ofSeconds(15).toNanos())
        .sorted(Comparator.comparingLong(History.Fault::from))
        .map(
            f ->
                f.kind()
                    + (f.instance() == null ? "" : " " + f.instance())
                    + " +"
                    + ms(f.from() - runStart)
                    + ".."
                    + ms(f.until() - runStart)
                    + " ms")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static <T> List<T> sorted(List<T> list, java.util.function.ToLongFunction<T> at) {
    List<T> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparingLong(at));
    return copy;
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
