package com.livermore.perseus.security;

import com.livermore.perseus.registry.Printable;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Failed logins counted per (client address, user name). A window opens at the first failure; once
 * {@code failures} have failed within it, further logins of that user from that address are
 * refused, before any password hash is computed, until the window ends. Other users and other
 * addresses are unaffected; a successful login clears its own count. Each refusal period is logged
 * once (user name escaped, address; never a password or hash). Bounded: at most {@link
 * #MAX_TRACKED} pairs, the finished windows dropped first, then pairs below the limit. The check
 * and the count are not one step: guesses sent in parallel before the first failure is counted all
 * get their check, so the limit is exact for sequential guesses and at most the server's request
 * threads higher for parallel ones.
 */
final class LoginThrottle {
  static final int MAX_TRACKED = 10_000;
  private static final int MAX_USER_CHARS = 128;
  private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

  private final int failures;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  private record Window(long startedAt, int failed) {}

  LoginThrottle(int failures, Duration window, LongSupplier nanoTime) {
    this.failures = failures;
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  /** How long logins of {@code user} from {@code address} are still refused, if they are. */
  Optional<Duration> refusal(String address, String user) {
    Window w = windows.get(key(address, user));
    if (w == null || w.failed() < failures) return Optional.empty();
    long left = w.startedAt() + windowNanos - nanoTime.getAsLong();
    return left > 0 ? Optional.of(Duration.ofNanos(left)) : Optional.empty();
  }

  /** Counts a failed login; the one that reaches the limit is logged. */
  void failed(String address, String user) {
    long now = nanoTime.getAsLong();
    if (windows.size() >= MAX_TRACKED) makeRoom(now);
    if (windows.size() >= MAX_TRACKED && !windows.containsKey(key(address, user))) return;
    Window w =
        windows.merge(
            key(address, user),
            new Window(now, 1),
            (old, one) ->
                now - old.startedAt() >= windowNanos
                    ? one
                    : new Window(old.startedAt(), old.failed() + 1));
    if (w.failed() == failures) {
      long seconds =
          Math.max(1, (w.startedAt() + windowNanos - now + 999_999_999L) / 1_000_000_000L);
      LOG.warning(
          "Refusing logins of user '"
              + Printable.escape(shortened(user))
              + "' from "
              + Printable.escape(address)
              + " for "
              + seconds
              + " s: "
              + failures
              + " failed logins within "
              + Duration.ofNanos(windowNanos).toSeconds()
              + " s.");
    }
  }

  void succeeded(String address, String user) {
    windows.remove(key(address, user));
  }

  int tracked() {
    return windows.size();
  }

  // Finished windows go first, then pairs below the limit; a pair being refused is never
  // forgotten, so flooding the table with invented names cannot lift a lockout. Should every
  // tracked pair be refusing, a new pair is counted once there is room again.
  private void makeRoom(long now) {
    windows.values().removeIf(w -> now - w.startedAt() >= windowNanos);
    Iterator<Window> it = windows.values().iterator();
    while (windows.size() >= MAX_TRACKED && it.hasNext()) {
      if (it.next().failed() < failures) it.remove();
    }
  }

  private static String key(String address, String user) {
    return address + "\n" + shortened(user);
  }

  private static String shortened(String user) {
    String u = user == null ? "" : user;
    return u.length() > MAX_USER_CHARS ? u.substring(0, MAX_USER_CHARS) : u;
  }
}
