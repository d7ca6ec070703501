package com.livermore.perseus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BuiltWarTest {
  @Test
  void theDeploymentsUrlIsOnTheLoopbackInterfaceWithItsContextRoot() throws Exception {
    assertThat(BuiltWar.loopback(URI.create("http://192.0.2.2:9006/console/").toURL(), "console"))
        .isEqualTo("http://127.0.0.1:9006/console/");
  }

  @Test
  void aUrlWithoutTheContextRootGetsTheArchivesName() throws Exception {
    // What the Payara Micro adapter reports when it misses the application in the start-up log.
    assertThat(BuiltWar.loopback(URI.create("http://192.0.2.2:8336").toURL(), "console"))
        .isEqualTo("http://127.0.0.1:8336/console/");
    assertThat(BuiltWar.loopback(URI.create("http://192.0.2.2:8336/").toURL(), "console"))
        .isEqualTo("http://127.0.0.1:8336/console/");
  }
}
