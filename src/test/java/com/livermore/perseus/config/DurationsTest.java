package com.livermore.perseus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesShortAndIsoForms() {
    assertThat(Durations.parse("p", "200ms")).isEqualTo(Duration.ofMillis(200));
    assertThat(Durations.parse("p", "15s")).isEqualTo(Duration.ofSeconds(15));
    assertThat(Durations.parse("p", "5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("p", "2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("p", "90d")).isEqualTo(Duration.ofDays(90));
    assertThat(Durations.parse("p", "PT15S")).isEqualTo(Duration.ofSeconds(15));
    assertThat(Durations.parse("p", "pt0.5s")).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void rejectsTextThatIsNoDuration() {
    assertThatThrownBy(() -> Durations.parse("perseus.lease.ttl", "45"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("perseus.lease.ttl must be a duration");
  }

  @Test
  void formatsCompactly() {
    assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Durations.format(Duration.ofMillis(200))).isEqualTo("200ms");
    assertThat(Durations.format(Duration.ofDays(90))).isEqualTo("90d");
  }
}
