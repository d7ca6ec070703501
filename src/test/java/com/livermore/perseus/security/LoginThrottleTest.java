package com.livermore.perseus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), now::get);
  final List<String> logged = new ArrayList<>();
  final Logger log = Logger.getLogger(LoginThrottle.class.getName());
  final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    log.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    log.removeHandler(handler);
  }

  void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void refusesAfterTheLimitWithinTheWindowUntilItEnds() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.refusal("10.0.0.1", "alice")).isEmpty();
      throttle.failed("10.0.0.1", "alice");
    }
    assertThat(throttle.refusal("10.0.0.1", "alice")).hasValue(Duration.ofMinutes(5));
    advance(Duration.ofMinutes(4));
    assertThat(throttle.refusal("10.0.0.1", "alice")).hasValue(Duration.ofMinutes(1));
    advance(Duration.ofMinutes(1));
    assertThat(throttle.refusal("10.0.0.1", "alice")).isEmpty();
    // A new window starts with the next failure.
    throttle.failed("10.0.0.1", "alice");
    assertThat(throttle.refusal("10.0.0.1", "alice")).isEmpty();
  }

  @Test
  void otherUsersAndOtherAddressesAreUnaffected() {
    for (int i = 0; i < 3; i++) throttle.failed("10.0.0.1", "alice");
    assertThat(throttle.refusal("10.0.0.1", "alice")).isPresent();
    assertThat(throttle.refusal("10.0.0.1", "bob")).isEmpty();
    assertThat(throttle.refusal("10.0.0.2", "alice")).isEmpty();
  }

  @Test
  void failuresSpreadOverMoreThanOneWindowAreNotAddedUp() {
    throttle.failed("10.0.0.1", "alice");
    throttle.failed("10.0.0.1", "alice");
    advance(Duration.ofMinutes(6));
    throttle.failed("10.0.0.1", "alice");
    assertThat(throttle.refusal("10.0.0.1", "alice")).isEmpty();
  }

  @Test
  void aSuccessClearsTheCount() {
    throttle.failed("10.0.0.1", "alice");
    throttle.failed("10.0.0.1", "alice");
    throttle.succeeded("10.0.0.1", "alice");
    throttle.failed("10.0.0.1", "alice");
    assertThat(throttle.refusal("10.0.0.1", "alice")).isEmpty();
  }

  @Test
  void eachThrottlingIsLoggedOnceWithTheUserEscapedAndNoPassword() {
    for (int i = 0; i < 10; i++) throttle.failed("10.0.0.1", "ali\u202Ece");
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0))
        .contains("ali\\u202Ece")
        .contains("10.0.0.1")
        .contains("300 s")
        .doesNotContain("\u202E");
    advance(Duration.ofMinutes(5));
    for (int i = 0; i < 3; i++) throttle.failed("10.0.0.1", "ali\u202Ece");
    assertThat(logged).hasSize(2);
  }

  @Test
  void floodingTheTableWithInventedNamesDoesNotLiftALockout() {
    for (int i = 0; i < 3; i++) throttle.failed("10.0.0.1", "admin");
    for (int i = 0; i < LoginThrottle.MAX_TRACKED * 2; i++) throttle.failed("10.0.0.1", "u" + i);
    assertThat(throttle.refusal("10.0.0.1", "admin")).isPresent();
    assertThat(throttle.tracked()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED);
  }

  @Test
  void memoryIsBoundedWhateverNamesAnAttackerTries() {
    for (int i = 0; i < LoginThrottle.MAX_TRACKED * 2; i++) throttle.failed("10.0.0.1", "u" + i);
    assertThat(throttle.tracked()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED);
  }
}
