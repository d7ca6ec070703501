package com.livermore.perseus.notify;

import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The posts under way, touched only by the notifier's sender thread (the counts are read by
 * anyone): each notification's first attempt per target, its retries with exponential backoff (or
 * the receiver's Retry-After) up to the configured attempts, and what became of them.
 */
final class WebhookDeliveries {
  private static final Logger LOG = Logger.getLogger(WebhookNotifier.class.getName());

  private final WebhookSettings settings;
  private final WebhookSender sender;
  private final BooleanSupplier closing;
  private final PriorityQueue<Delivery> retries = new PriorityQueue<>();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();

  WebhookDeliveries(WebhookSettings settings, WebhookSender sender, BooleanSupplier closing) {
    this.settings = settings;
    this.sender = sender;
    this.closing = closing;
  }

  /** One post still to make; ordered by when it is due. */
  record Delivery(
      WebhookTarget target, Notification notification, byte[] body, int attempt, long dueNanos)
      implements Comparable<Delivery> {
    Delivery next(long due) {
      return new Delivery(target, notification, body, attempt + 1, due);
    }

    @Override
    public int compareTo(Delivery other) {
      return Long.compare(dueNanos, other.dueNanos);
    }
  }

  /** Posts {@code n} to every target once. */
  void firstAttempts(Notification n, long nowNanos) throws InterruptedException {
    for (WebhookTarget t : settings.targets()) {
      attempt(new Delivery(t, n, WebhookPayloads.body(t.format(), n), 1, nowNanos));
    }
  }

  /** The next retry, due or not; null when none waits. */
  Delivery nextRetry() {
    return retries.peek();
  }

  void retryNext() throws InterruptedException {
    attempt(retries.poll());
  }

  /** Retries are bounded too: while they fill their share, the inbox fills and offers drop. */
  boolean roomForMore() {
    return retries.size() < (long) settings.queueCapacity() * settings.targets().size();
  }

  private void attempt(Delivery d) throws InterruptedException {
    if (d.attempt() > 1) retried.incrementAndGet();
    WebhookSender.Outcome outcome;
    try {
      outcome = sender.post(d.target(), d.body());
    } catch (InterruptedException e) {
      failed.incrementAndGet();
      throw e;
    }
    if (outcome.delivered()) {
      delivered.incrementAndGet();
    } else if (outcome.retryable()
        && d.attempt() < settings.maxAttempts()
        && !closing.getAsBoolean()) {
      long delay = outcome.retryAfter().orElse(settings.backoff(d.attempt())).toNanos();
      retries.add(d.next(System.nanoTime() + delay));
      LOG.fine(
          () ->
              "Webhook post to "
                  + d.target()
                  + " failed ("
                  + outcome.failure()
                  + "), attempt "
                  + d.attempt()
                  + " of "
                  + settings.maxAttempts()
                  + "; retrying.");
    } else {
      failed.incrementAndGet();
      LOG.warning(
          () ->
              "Gave up on a webhook notification ("
                  + d.notification().kind()
                  + " for "
                  + d.notification().exchange()
                  + ") to "
                  + d.target()
                  + " after "
                  + d.attempt()
                  + (d.attempt() == 1 ? " attempt" : " attempts")
                  + ": "
                  + outcome.failure()
                  + ".");
    }
  }

  /** What close() cut off (the retries, and {@code unsent} notifications) counts as given up. */
  void abandon(int unsent) {
    long abandoned = retries.size() + (long) unsent * settings.targets().size();
    retries.clear();
    if (abandoned > 0) {
      failed.addAndGet(abandoned);
      LOG.warning(
          () ->
              abandoned
                  + (abandoned == 1 ? " webhook post was" : " webhook posts were")
                  + " still pending when the notifier closed and will not be sent.");
    }
  }

  long delivered() {
    return delivered.get();
  }

  long failed() {
    return failed.get();
  }

  long retried() {
    return retried.get();
  }
}
