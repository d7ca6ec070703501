package com.livermore.perseus.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.InvalidConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSettingsTest {
  private static final String DISCORD =
      "https://discord.com/api/webhooks/1234567890/AbCdEf-t0kenValue";
  private static final String SLACK = "https://hooks.slack.com/services/T000/B000/XXXXt0kenXXXX";

  private static WebhookSettings parse(String... pairs) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) values.put(pairs[i], pairs[i + 1]);
    return WebhookSettings.parse(name -> Optional.ofNullable(values.get(name)));
  }

  private static String failure(String... pairs) {
    try {
      parse(pairs);
    } catch (InvalidConfigurationException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the configuration to be refused");
  }

  @Test
  void nothingConfiguredMeansDisabledWithTheDefaults() {
    WebhookSettings s = parse();
    assertThat(s.enabled()).isFalse();
    assertThat(s.targets()).isEmpty();
    assertThat(s.events())
        .containsExactlyInAnyOrder(
            EventType.STATE_CHANGED,
            EventType.LEASE_LOST,
            EventType.TAKEOVER,
            EventType.CLAIM_CONFLICT,
            EventType.DEREGISTERED,
            EventType.ERRORS_SUPPRESSED);
    assertThat(s.notifyDead()).isTrue();
    assertThat(s.queueCapacity()).isEqualTo(1000);
    assertThat(s.maxAttempts()).isEqualTo(5);
    assertThat(s.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void readsFormatsAndTreatsABareUrlAsJson() {
    WebhookSettings s =
        parse(
            "perseus.notify.webhooks",
            " discord="
                + DISCORD
                + " , slack="
                + SLACK
                + ",https://ops.example/hook?team=a&x=1 , JSON=http://127.0.0.1:8080/h");
    assertThat(s.enabled()).isTrue();
    assertThat(s.targets())
        .containsExactly(
            new WebhookTarget(URI.create(DISCORD), WebhookFormat.DISCORD),
            new WebhookTarget(URI.create(SLACK), WebhookFormat.SLACK),
            new WebhookTarget(
                URI.create("https://ops.example/hook?team=a&x=1"), WebhookFormat.JSON),
            new WebhookTarget(URI.create("http://127.0.0.1:8080/h"), WebhookFormat.JSON));
  }

  @Test
  void readsEventsDeadAndNumbers() {
    WebhookSettings s =
        parse(
            "perseus.notify.events",
            "takeover, lease_lost",
            "perseus.notify.queue-capacity",
            "10",
            "perseus.notify.max-attempts",
            "2",
            "perseus.notify.initial-backoff",
            "200ms",
            "perseus.notify.timeout",
            "2s");
    assertThat(s.events()).containsExactlyInAnyOrder(EventType.TAKEOVER, EventType.LEASE_LOST);
    assertThat(s.notifyDead()).isFalse();
    assertThat(s.wants("takeover")).isTrue();
    assertThat(s.wants("state_changed")).isFalse();
    assertThat(s.wants("dead")).isFalse();
    assertThat(s.queueCapacity()).isEqualTo(10);
    assertThat(s.maxAttempts()).isEqualTo(2);
    assertThat(s.initialBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(parse("perseus.notify.events", "dead").wants("dead")).isTrue();
  }

  @Test
  void backoffDoublesUpToThirtySeconds() {
    WebhookSettings s = WebhookSettings.of(java.util.List.of());
    assertThat(s.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.backoff(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(s.backoff(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.backoff(60)).isEqualTo(Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "teams=" + DISCORD,
        "discord=discord.com/api/webhooks/1234567890/AbCdEf-t0kenValue",
        "discord=ftp://discord.com/api/webhooks/1234567890/AbCdEf-t0kenValue",
        "discord.com/api/webhooks/1234567890/AbCdEf-t0kenValue?wait=true",
        "slack=https://hooks.slack.com/services/T000/B000/XXXX t0ken XXXX",
        "https:///api/webhooks/1234567890/AbCdEf-t0kenValue"
      })
  void aBrokenWebhookIsNamedByPositionNeverByItsUrl(String broken) {
    String message = failure("perseus.notify.webhooks", "discord=" + SLACK + "," + broken);
    assertThat(message).startsWith("perseus.notify.webhooks entry 2 ").endsWith(".");
    assertThat(message)
        .doesNotContain("t0ken", "1234567890", "hooks.slack.com", "discord.com", "XXXX", "teams");
  }

  @Test
  void anUnknownEventIsNamedWithTheAllowedOnes() {
    assertThat(failure("perseus.notify.events", "takeover,explosion"))
        .isEqualTo(
            "perseus.notify.events must be a comma list of registered, state_changed, claim_conflict, lease_lost, "
                + "takeover, error, errors_suppressed, command, deregistered, dead, but contained 'explosion'.");
  }

  @Test
  void numbersAndDurationsOutsideTheirRangeAreRefused() {
    assertThat(failure("perseus.notify.queue-capacity", "0"))
        .isEqualTo("perseus.notify.queue-capacity must be between 1 and 1000000, but was 0.");
    assertThat(failure("perseus.notify.queue-capacity", "lots"))
        .isEqualTo("perseus.notify.queue-capacity must be a whole number, but was 'lots'.");
    assertThat(failure("perseus.notify.max-attempts", "21"))
        .isEqualTo("perseus.notify.max-attempts must be between 1 and 20, but was 21.");
    assertThat(failure("perseus.notify.timeout", "10ms"))
        .isEqualTo("perseus.notify.timeout must be between 100ms and 1m, but was 10ms.");
    assertThat(failure("perseus.notify.initial-backoff", "soon"))
        .startsWith("perseus.notify.initial-backoff must be a duration");
  }

  @Test
  void targetToStringShowsFormatAndHostButNoPathOrToken() {
    WebhookTarget discord = new WebhookTarget(URI.create(DISCORD), WebhookFormat.DISCORD);
    assertThat(discord).hasToString("discord webhook at discord.com");
    WebhookTarget local =
        new WebhookTarget(
            URI.create("http://user:pw@127.0.0.1:8080/hook?token=abc"), WebhookFormat.JSON);
    assertThat(local).hasToString("json webhook at 127.0.0.1:8080");
    WebhookSettings s = WebhookSettings.of(java.util.List.of(discord, local));
    assertThat(s.toString()).doesNotContain("t0ken", "1234567890", "token", "pw", "/hook");
  }

  @Test
  void aTargetRefusesANonHttpUrlWithoutQuotingIt() {
    assertThatThrownBy(
            () -> new WebhookTarget(URI.create("file:///etc/s3cr3t"), WebhookFormat.JSON))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("s3cr3t");
  }
}
