package com.livermore.perseus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginCacheTest {
  final AtomicLong now = new AtomicLong(5_000_000_000L);
  final LoginCache cache = new LoginCache(Duration.ofMinutes(5), now::get);

  @Test
  void aVerifiedCredentialIsFoundUntilItExpires() {
    cache.remember("alice", "s3cret".toCharArray(), Set.of("network-admin"));
    assertThat(cache.lookup("alice", "s3cret".toCharArray())).hasValue(Set.of("network-admin"));
    now.addAndGet(Duration.ofMinutes(5).minusNanos(1).toNanos());
    assertThat(cache.lookup("alice", "s3cret".toCharArray())).isPresent();
    now.addAndGet(1);
    assertThat(cache.lookup("alice", "s3cret".toCharArray())).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void aWrongPasswordOrAnotherUserMisses() {
    cache.remember("alice", "s3cret".toCharArray(), Set.of("network-admin"));
    assertThat(cache.lookup("alice", "s3cret!".toCharArray())).isEmpty();
    assertThat(cache.lookup("alice", "".toCharArray())).isEmpty();
    assertThat(cache.lookup("bob", "s3cret".toCharArray())).isEmpty();
    // user "a" + password "b:c" must not meet user "a:b" + password "c"
    cache.remember("a", "b:c".toCharArray(), Set.of("network-viewer"));
    assertThat(cache.lookup("a:b", "c".toCharArray())).isEmpty();
    // nor the separator the key uses between them
    cache.remember("a\0b", "c".toCharArray(), Set.of("network-admin"));
    assertThat(cache.lookup("a", "b\0c".toCharArray())).isEmpty();
  }

  @Test
  void twoProcessesNeverShareAKey() {
    LoginCache other = new LoginCache(Duration.ofMinutes(5), now::get);
    cache.remember("alice", "s3cret".toCharArray(), Set.of("network-admin"));
    assertThat(other.lookup("alice", "s3cret".toCharArray())).isEmpty();
  }

  @Test
  void zeroTurnsTheCacheOff() {
    LoginCache off = new LoginCache(Duration.ZERO, now::get);
    off.remember("alice", "s3cret".toCharArray(), Set.of("network-admin"));
    assertThat(off.enabled()).isFalse();
    assertThat(off.lookup("alice", "s3cret".toCharArray())).isEmpty();
  }

  @Test
  void itHoldsAtMostItsBound() {
    for (int i = 0; i < LoginCache.MAX_ENTRIES + 500; i++)
      cache.remember("u" + i, "p".toCharArray(), Set.of("network-viewer"));
    assertThat(cache.size()).isLessThanOrEqualTo(LoginCache.MAX_ENTRIES);
  }
}
