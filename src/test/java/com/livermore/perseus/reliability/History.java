package com.livermore.perseus.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What happened during a fault run, as the parts themselves saw it, stamped with one monotonic
 * clock ({@link System#nanoTime()} of the test JVM, which every in-process instance shares): each
 * start of owner work (with its epoch), each action the work sent to the fencing sink (and whether
 * the sink accepted it), each fault with its window. The {@link HistoryChecker} judges it.
 */
public final class History {
  /** Owner work began: the connector was started under {@code epoch}. */
  public record Start(String instance, String exchange, long epoch, long at) {}

  /** An action sent to the stand-in exchange, accepted or refused by fencing. */
  public record Action(String instance, String exchange, long epoch, long at, boolean accepted) {}

  /**
   * A fault. {@code instance} is set for a fault of one instance (kill, pause, clock jump), null
   * for Redis faults; {@code redisDown} when Redis could not serve leases during the window (a
   * master killed or restarted, a replica frozen); {@code dataLost} when Redis came back without
   * its data.
   */
  public record Fault(
      String kind, String instance, long from, long until, boolean redisDown, boolean dataLost) {}

  private final ConcurrentLinkedQueue<Start> starts = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Action> actions = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();

  public void started(String instance, String exchange, long epoch, long at) {
    starts.add(new Start(instance, exchange, epoch, at));
  }

  public void acted(String instance, String exchange, long epoch, long at, boolean accepted) {
    actions.add(new Action(instance, exchange, epoch, at, accepted));
  }

  public void fault(Fault fault) {
    faults.add(fault);
  }

  public List<Start> starts() {
    return new ArrayList<>(starts);
  }

  public List<Action> actions() {
    return new ArrayList<>(actions);
  }

  public List<Fault> faults() {
    return new ArrayList<>(faults);
  }
}
