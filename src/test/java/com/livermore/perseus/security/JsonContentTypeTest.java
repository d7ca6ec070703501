package com.livermore.perseus.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonContentTypeTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        "Application/JSON"
      })
  void jsonInUtf8IsAccepted(String type) {
    assertThat(JsonContentType.refusal(type)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "*/*",
        "application/*",
        "application/json; charset=bogus",
        "application/json; charset=iso-8859-1",
        "not a type",
        "application/json;;;"
      })
  void anythingElseIsRefused(String type) {
    assertThat(JsonContentType.refusal(type)).isPresent();
  }
}
