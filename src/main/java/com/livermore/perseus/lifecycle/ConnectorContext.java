package com.livermore.perseus.lifecycle;

/** What a connector may tell Perseus while it works. */
public interface ConnectorContext {

  String exchange();

  /** Warm-up progress, 0–100. */
  void progress(int percent);

  /**
   * An error in the exchange work; it becomes the record's {@code lastError} and an activity entry.
   */
  void error(String message, Throwable cause);

  /**
   * True once the instance has stopped this connector's work (lease lost or shutdown), and as soon
   * as its lease may have run out (the deadline of its last acknowledged renewal passed), even
   * before the heartbeat notices. Check it before every action only an owner may take.
   */
  boolean stopRequested();

  /**
   * The fencing epoch of the lease this work runs under. Stamp it on every write to a system that
   * can keep the newest epoch it has seen, so that it refuses a superseded owner (a fencing token).
   */
  long epoch();
}
