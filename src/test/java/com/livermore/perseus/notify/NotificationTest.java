package com.livermore.perseus.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTest {
  private static final Instant AT = Instant.parse("2025-03-01T12:00:00Z");

  private static ActivityEntry entry(EventType type) {
    return ActivityEntry.of(type, "kraken", "i-1", 4, "host-a", AT);
  }

  @Test
  void stateChangeTitleShowsFromAndTo() {
    Notification n =
        Notification.fromEntry(entry(EventType.STATE_CHANGED).withStates("active", "stopping"));
    assertThat(n.title()).isEqualTo("kraken: active → stopping");
    assertThat(n.text()).isEqualTo("Instance i-1 on host-a moved kraken from active to stopping.");
    assertThat(n.kind()).isEqualTo("state_changed");
    assertThat(n)
        .extracting(
            Notification::exchange,
            Notification::instanceId,
            Notification::hostname,
            Notification::epoch,
            Notification::at)
        .containsExactly("kraken", "i-1", "host-a", 4L, AT);
  }

  @Test
  void theEntrysMessageBecomesTheSecondSentence() {
    Notification n =
        Notification.fromEntry(
            entry(EventType.CLAIM_CONFLICT).withMessage("held by i-9 on host-b since 09:00"));
    assertThat(n.title()).isEqualTo("kraken: claim conflict");
    assertThat(n.text())
        .isEqualTo(
            "Instance i-1 on host-a could not claim kraken because another live instance holds it. "
                + "held by i-9 on host-b since 09:00.");
  }

  @Test
  void everyEventTypeGivesATitleAndText() {
    for (EventType type : EventType.values()) {
      Notification n = Notification.fromEntry(entry(type));
      assertThat(n.title()).startsWith("kraken: ");
      assertThat(n.text()).isNotBlank().endsWith(".");
      assertThat(n.kind()).isEqualTo(type.wireName());
    }
  }

  @Test
  void suppressedErrorsShowTheirCount() {
    assertThat(Notification.fromEntry(entry(EventType.ERRORS_SUPPRESSED).withCount(12)).title())
        .isEqualTo("kraken: 12 repeated errors suppressed");
  }

  @Test
  void deadNamesTheLastOwnerAndWhenItWasLastSeen() {
    Notification n = Notification.dead("kraken", "i-1", "host-a", 4, AT);
    assertThat(n.kind()).isEqualTo("dead");
    assertThat(n.title()).isEqualTo("kraken: dead");
    assertThat(n.text()).contains("i-1", "host-a", "epoch 4", "2025-03-01T12:00:00Z");
    assertThat(n.at()).isEqualTo(AT);
  }

  @Test
  void missingInstanceOrHostDoesNotBreakTheText() {
    Notification n =
        Notification.fromEntry(ActivityEntry.of(EventType.TAKEOVER, "kraken", null, 5, null, AT));
    assertThat(n.text())
        .isEqualTo("Instance (unknown) on an unknown host took over kraken with epoch 5.");
  }
}
