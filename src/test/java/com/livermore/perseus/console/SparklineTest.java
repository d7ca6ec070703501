package com.livermore.perseus.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {
  @Test
  void theHighestValueIsAtTheTopAndZeroAtTheBottomFromLeftToRight() {
    assertThat(Sparkline.points(List.of(0L, 10L, 5L))).isEqualTo("0.0,19.0 50.0,1.0 100.0,10.0");
  }

  @Test
  void fewerThanTwoValuesDrawNothing() {
    assertThat(Sparkline.points(null)).isNull();
    assertThat(Sparkline.points(List.of(3L))).isNull();
  }
}
