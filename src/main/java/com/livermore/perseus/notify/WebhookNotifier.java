package com.livermore.perseus.notify;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import java.net.http.HttpClient;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts notifications to every configured webhook from one sender thread (in a container, one of
 * its managed threads; the posts themselves are {@link WebhookDeliveries}). {@link #offer} only
 * puts the notification in a bounded queue, so a slow or dead webhook never delays its caller (the
 * heartbeat); when the queue is full the new notification is dropped and counted. Failed posts are
 * retried with exponential backoff (or the receiver's Retry-After) up to the configured attempts,
 * without holding up deliveries to the other targets.
 */
public final class WebhookNotifier implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WebhookNotifier.class.getName());
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** How long {@link #close()} lets the sender finish what is queued before interrupting it. */
  static final long CLOSE_GRACE_MILLIS = 2000;

  /** The idle sender looks at the clock this often, so {@link #close()} is noticed promptly. */
  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final WebhookSettings settings;
  private final WebhookDeliveries deliveries;
  private final ExecutorService ownHttpExecutor;
  private final BlockingQueue<Notification> inbox;

  private final Thread thread;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean dropping = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();

  /**
   * In a container: the sender thread from the container's {@code ManagedThreadFactory} and the
   * HTTP client running on its {@code ManagedExecutorService} (neither is shut down here).
   */
  public WebhookNotifier(WebhookSettings settings, ThreadFactory threads, Executor httpExecutor) {
    this(settings, threads, settings.enabled() ? client(settings, httpExecutor) : null, null);
  }

  /** With threads of its own and its own HTTP client, whose threads end at {@link #close()}. */
  public WebhookNotifier(WebhookSettings settings) {
    this(settings, (HttpClient) null);
  }

  /**
   * With the caller's HTTP client (not closed here); the request timeout comes from the settings.
   */
  public WebhookNotifier(WebhookSettings settings, HttpClient client) {
    this(
        settings,
        daemon("perseus-webhook-sender"),
        client,
        client == null && settings.enabled()
            ? Executors.newCachedThreadPool(daemon("perseus-webhook-http"))
            : null);
  }

  private WebhookNotifier(
      WebhookSettings settings,
      ThreadFactory threads,
      HttpClient client,
      ExecutorService ownHttpExecutor) {
    this.settings = settings;
    this.inbox = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.ownHttpExecutor = ownHttpExecutor;
    if (client == null && ownHttpExecutor != null) client = client(settings, ownHttpExecutor);
    this.deliveries =
        new WebhookDeliveries(
            settings, new WebhookSender(client, settings.timeout()), closing::get);
    this.thread = settings.enabled() ? threads.newThread(this::run) : null;
    if (thread != null) {
      thread.setName("perseus-webhook-sender-" + THREADS.incrementAndGet());
      thread.start();
      LOG.info(
          () ->
              "Webhook notifications go to "
                  + settings.targets()
                  + " for "
                  + settings.events().stream().map(EventType::wireName).sorted().toList()
                  + (settings.notifyDead() ? " and dead owners." : "."));
    }
  }

  /** True when at least one webhook is configured. */
  public boolean enabled() {
    return settings.enabled();
  }

  /** Queues the entry if its type is wanted; never blocks, never throws. */
  public boolean offer(ActivityEntry entry) {
    try {
      return thread != null
          && settings.wants(entry.type().wireName())
          && offer(Notification.fromEntry(entry));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "An activity entry could not be turned into a webhook notification.", e);
      return false;
    }
  }

  /**
   * Queues the notification for every target if its kind is wanted and returns at once: {@code
   * false} when it is not wanted, the notifier is disabled or closed, or the queue is full (then it
   * is counted in {@link #dropped()}).
   */
  public boolean offer(Notification notification) {
    try {
      if (thread == null || closing.get() || !settings.wants(notification.kind())) return false;
      if (inbox.offer(notification)) {
        dropping.set(false);
        return true;
      }
      long total = dropped.incrementAndGet();
      if (dropping.compareAndSet(false, true)) {
        LOG.warning(
            () ->
                "The webhook queue is full ("
                    + settings.queueCapacity()
                    + " notifications): new ones are dropped until "
                    + "the sender catches up ("
                    + total
                    + " dropped so far).");
      }
      return false;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Posts that reached a receiver (one per target and notification). */
  public long delivered() {
    return deliveries.delivered();
  }

  /**
   * Posts given up on: attempts used up, a response that retrying cannot change, or still pending
   * at close.
   */
  public long failed() {
    return deliveries.failed();
  }

  /** Notifications refused by {@link #offer} because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /** Attempts after the first. */
  public long retries() {
    return deliveries.retried();
  }

  /** Notifications waiting for the sender (retries not included). */
  public int queued() {
    return inbox.size();
  }

  String threadName() {
    return thread == null ? null : thread.getName();
  }

  /**
   * Stops taking notifications, gives the sender up to 2 s to post what is already queued (first
   * attempts only), then interrupts it and waits for it to end.
   */
  @Override
  public void close() {
    if (thread == null || !closing.compareAndSet(false, true)) return;
    try {
      thread.join(CLOSE_GRACE_MILLIS);
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(CLOSE_GRACE_MILLIS);
      }
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
    } finally {
      if (ownHttpExecutor != null) ownHttpExecutor.shutdownNow();
    }
  }

  private void run() {
    try {
      while (!closing.get() || !inbox.isEmpty()) {
        WebhookDeliveries.Delivery due = deliveries.nextRetry();
        long now = System.nanoTime();
        if (due != null && due.dueNanos() - now <= 0 && !closing.get()) {
          deliveries.retryNext();
        } else if (closing.get() || deliveries.roomForMore()) {
          long wait =
              due == null
                  ? IDLE_POLL_NANOS
                  : Math.max(0, Math.min(IDLE_POLL_NANOS, due.dueNanos() - now));
          Notification n = inbox.poll(wait, TimeUnit.NANOSECONDS);
          if (n != null) deliveries.firstAttempts(n, now);
        } else {
          TimeUnit.NANOSECONDS.sleep(Math.max(1, Math.min(IDLE_POLL_NANOS, due.dueNanos() - now)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "The webhook sender stopped unexpectedly; no more notifications will be sent.",
          e);
    } finally {
      deliveries.abandon(inbox.size());
      inbox.clear();
    }
  }

  private static HttpClient client(WebhookSettings settings, Executor executor) {
    return HttpClient.newBuilder()
        .connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
  }

  private static ThreadFactory daemon(String prefix) {
    return r -> {
      Thread t = new Thread(r, prefix + "-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
