package com.livermore.perseus.api;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * One client of the event stream, with its own outbox: events are queued here and written by one
 * task at a time on the executor, so a client that stops reading stalls only its own writes. A
 * client more than {@link #OUTBOX_LIMIT} events behind is closed; it reconnects with its last id
 * and resumes, or gets a fresh picture.
 */
final class EventSubscriber {
  static final int OUTBOX_LIMIT = 64;

  private final SseEventSink sink;
  private final Executor writer;
  private final ArrayDeque<OutboundSseEvent> outbox = new ArrayDeque<>(); // guarded by this
  private boolean writing; // guarded by this
  private boolean closed; // guarded by this

  /** The event names this client asked for. */
  final Set<String> names;

  /** The network as this client's last picture showed it (exchange to fingerprint). */
  Map<String, String> pictured = Map.of();

  /** Each exchange as this client was last shown it, by a picture or an exchange event. */
  final Map<String, String> shown = new HashMap<>();

  EventSubscriber(SseEventSink sink, Set<String> names, Executor writer) {
    this.sink = sink;
    this.names = names;
    this.writer = writer;
  }

  /**
   * Queues {@code event}; false once the client is gone or too far behind (it is then closed).
   * Never blocks on the client's connection.
   */
  boolean offer(OutboundSseEvent event) {
    synchronized (this) {
      if (closed || sink.isClosed()) return false;
      if (outbox.size() >= OUTBOX_LIMIT) {
        closeLater();
        return false;
      }
      outbox.add(event);
      if (writing) return true;
      writing = true;
    }
    writer.execute(this::write);
    return true;
  }

  /** Closes the connection without waiting for a write that may be stuck on it. */
  synchronized void closeLater() {
    if (closed) return;
    closed = true;
    outbox.clear();
    writer.execute(this::close);
  }

  private void write() {
    while (true) {
      OutboundSseEvent next;
      synchronized (this) {
        next = closed ? null : outbox.poll();
        if (next == null) {
          writing = false;
          return;
        }
      }
      try {
        sink.send(next).toCompletableFuture().join();
      } catch (RuntimeException e) {
        synchronized (this) {
          writing = false;
        }
        closeLater(); // the client is gone, or its connection timed out
        return;
      }
    }
  }

  private void close() {
    try {
      sink.close();
    } catch (RuntimeException ignored) {
      // the client is already gone
    }
  }
}
