package com.livermore.perseus.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnPathTest {
  @Test
  void aConsolePageWithAnExchangeIsTakenBackTo() {
    assertThat(ReturnPath.safe("/console/exchange.xhtml?x=coinbase"))
        .contains("/console/exchange.xhtml?x=coinbase");
    assertThat(ReturnPath.safe("/console/network.xhtml")).contains("/console/network.xhtml");
    assertThat(ReturnPath.loginQuery("/console/exchange.xhtml", "x=kraken"))
        .isEqualTo("?next=%2Fconsole%2Fexchange.xhtml%3Fx%3Dkraken");
  }

  @Test
  void anythingElseIsNot() {
    assertThat(ReturnPath.safe("https://evil.example/console/network.xhtml")).isEmpty();
    assertThat(ReturnPath.safe("//evil.example/console/network.xhtml")).isEmpty();
    assertThat(ReturnPath.safe("/console/exchange.xhtml?x=a&next=//evil")).isEmpty();
    assertThat(ReturnPath.safe("/console/../api/network/commands")).isEmpty();
    assertThat(ReturnPath.safe("/api/network/instances")).isEmpty();
    assertThat(ReturnPath.safe(null)).isEmpty();
    assertThat(ReturnPath.loginQuery("/jakarta.faces.resource/x.js", null)).isEmpty();
  }
}
