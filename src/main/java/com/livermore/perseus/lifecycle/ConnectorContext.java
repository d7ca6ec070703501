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

  /** True once the instance has stopped this connector's work (lease lost or shutdown). */
  boolean stopRequested();
}
