package com.livermore.perseus.deployment;

import java.net.URI;

/**
 * The smoke contract on WildFly 38 ({@code ./mvnw -Pwildfly verify}), configured by {@code
 * server-config/wildfly/perseus.cli}. WildFly serves MicroProfile Health on its management port,
 * not on the HTTP port: the build reserves that port and passes it as {@code
 * perseus.wildfly.management-port}.
 */
class SmokeOnWildFlyIT extends SmokeContract {
  @Override
  URI healthRoot() {
    return URI.create(
        "http://127.0.0.1:" + System.getProperty("perseus.wildfly.management-port") + "/health/");
  }
}
