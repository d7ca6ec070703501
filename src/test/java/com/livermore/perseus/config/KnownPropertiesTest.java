package com.livermore.perseus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KnownPropertiesTest {

  @Test
  void aMistypedVariableOrPropertyIsNamedWithTheClosestKnownOne() {
    assertThat(
            KnownProperties.unknown(
                List.of("PERSEUS_REDIS_USERNMAE", "perseus.lease.tll", "PATH", "perseus.exchange")))
        .contains(
            "Ignoring configuration this version of Perseus does not know: "
                + "PERSEUS_REDIS_USERNMAE (did you mean PERSEUS_REDIS_USERNAME?), "
                + "perseus.lease.tll (did you mean perseus.lease.ttl?). "
                + "The README's configuration table lists every property.");
  }

  @Test
  void knownNamesAndTheirVariablesAndOtherSoftwaresNamesPassQuietly() {
    assertThat(
            KnownProperties.unknown(
                List.of(
                    "perseus.redis.replica-acks",
                    "PERSEUS_REDIS_REPLICA_ACKS",
                    "PERSEUS_REDIS_TLS_TRUSTSTORE_PASSWORD",
                    "JAVA_HOME",
                    "payara.instance")))
        .isEmpty();
  }

  @Test
  void theReadmeConfigurationTableListsExactlyTheKnownProperties() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String table =
        readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Production Redis"));
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("^\\| `(perseus\\.[a-z0-9.-]+)`", Pattern.MULTILINE).matcher(table);
    while (m.find()) documented.add(m.group(1));
    // Properties the table names inside another row's rule.
    Matcher inline =
        Pattern.compile("`(perseus\\.notify\\.(?:initial-backoff|timeout))`").matcher(table);
    while (inline.find()) documented.add(inline.group(1));
    assertThat(documented).isEqualTo(new TreeSet<>(KnownProperties.NAMES));
  }
}
