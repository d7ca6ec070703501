package com.livermore.perseus.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodFilterTest {
  @ParameterizedTest
  @ValueSource(strings = {"limit=5", "q=%20a%2Fb", "x=%c0%af&y=%FF", "", "a=1&b="})
  void wellFormedQueriesPass(String query) {
    assertThat(MethodFilter.wellEscaped(query)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"q=%zz", "q=%", "q=%4", "a=1&b=%g0", "x=100%"})
  void brokenEscapesAreCaught(String query) {
    assertThat(MethodFilter.wellEscaped(query)).isFalse();
  }
}
