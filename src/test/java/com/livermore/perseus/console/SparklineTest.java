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
  void pointsAreRoundedToOneDecimalAsPrintfWould() {
    assertThat(Sparkline.points(List.of(7L, 3L, 1L, 0L, 6L, 2L, 9L)))
        .isEqualTo(
            java.util.stream.IntStream.range(0, 7)
                .mapToObj(
                    i -> {
                      long[] v = {7, 3, 1, 0, 6, 2, 9};
                      return String.format(
                          java.util.Locale.ROOT, "%.1f,%.1f", 100.0 * i / 6, 19 - 18.0 * v[i] / 9);
                    })
                .collect(java.util.stream.Collectors.joining(" ")));
  }

  @Test
  void halfWayValuesRoundUpAsPrintfDoes() {
    // 17 points: x = 6.25 × i, so every other x ends in .25 or .75.
    List<Long> values = java.util.Collections.nCopies(17, 0L);
    assertThat(Sparkline.points(values).split(" "))
        .startsWith("0.0,19.0", "6.3,19.0", "12.5,19.0", "18.8,19.0")
        .endsWith("93.8,19.0", "100.0,19.0");
    assertThat(String.format(java.util.Locale.ROOT, "%.1f/%.1f", 6.25, 18.75))
        .isEqualTo("6.3/18.8");
  }

  @Test
  void fewerThanTwoValuesDrawNothing() {
    assertThat(Sparkline.points(null)).isNull();
    assertThat(Sparkline.points(List.of(3L))).isNull();
  }
}
