package com.livermore.perseus.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials verified recently, so that a client sending HTTP Basic on every request pays a PBKDF2
 * check once per {@link #cacheFor} instead of on every request. Nothing here can be turned back
 * into a password: an entry is found by an HMAC-SHA256 of user name and password under a random key
 * that exists only in this process's memory. A wrong password simply misses (and is then checked in
 * full). The cache belongs to one user list: the list is read once at start-up, so a changed list
 * means a restart, and so an empty cache with a new key. Bounded: at most {@link #MAX_ENTRIES}
 * credentials, the expired ones dropped first.
 */
final class LoginCache {
  static final int MAX_ENTRIES = 10_000;
  private static final String MAC = "HmacSHA256";

  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final SecretKeySpec key;
  private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
  private final ThreadLocal<Mac> macs;

  private record Entry(String user, Set<String> groups, long expiresAt) {}

  LoginCache(Duration cacheFor, LongSupplier nanoTime) {
    this.ttlNanos = cacheFor.toNanos();
    this.nanoTime = nanoTime;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, MAC);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  boolean enabled() {
    return ttlNanos > 0;
  }

  /** The groups of a credential verified within the last {@code cacheFor}, if this is one. */
  Optional<Set<String>> lookup(String user, char[] password) {
    if (!enabled() || user == null || password == null) return Optional.empty();
    ByteBuffer id = id(user, password);
    Entry e = entries.get(id);
    if (e == null) return Optional.empty();
    if (nanoTime.getAsLong() - e.expiresAt() >= 0) {
      entries.remove(id, e);
      return Optional.empty();
    }
    return e.user().equals(user) ? Optional.of(e.groups()) : Optional.empty();
  }

  /** Remembers a credential the identity store has just verified. */
  void remember(String user, char[] password, Set<String> groups) {
    if (!enabled()) return;
    long now = nanoTime.getAsLong();
    if (entries.size() >= MAX_ENTRIES) makeRoom(now);
    entries.put(id(user, password), new Entry(user, Set.copyOf(groups), now + ttlNanos));
  }

  int size() {
    return entries.size();
  }

  private void makeRoom(long now) {
    entries.values().removeIf(e -> now - e.expiresAt() >= 0);
    Iterator<ByteBuffer> it = entries.keySet().iterator();
    while (entries.size() >= MAX_ENTRIES && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  private ByteBuffer id(String user, char[] password) {
    Mac mac = macs.get();
    mac.update(user.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] raw = new byte[bytes.remaining()];
    bytes.get(raw);
    try {
      return ByteBuffer.wrap(mac.doFinal(raw));
    } finally {
      Arrays.fill(raw, (byte) 0);
      if (bytes.hasArray()) Arrays.fill(bytes.array(), (byte) 0);
    }
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This Java runtime cannot compute " + MAC, e);
    }
  }
}
