package com.livermore.perseus.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ActivityCursorTest {
  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCursorNamesThePositionItWasMadeFrom() {
    EntryPosition p = new EntryPosition(new StreamId(1_764_000_000_123L, 7), "kraken");
    String cursor = ActivityCursor.encode(p);

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(ActivityCursor.decode(cursor)).isEqualTo(p);
  }

  @Test
  void anExchangeNameWithTheSeparatorSurvives() {
    EntryPosition p = new EntryPosition(new StreamId(5, 0), "odd|name");
    assertThat(ActivityCursor.decode(ActivityCursor.encode(p))).isEqualTo(p);
  }

  @Test
  void anythingElseIsRejectedWithAnOperatorMessage() {
    String good = ActivityCursor.encode(new EntryPosition(new StreamId(42, 1), "kraken"));
    String edited = ActivityCursor.encode(new EntryPosition(new StreamId(42, 1), "krakem"));
    String[] bad = {
      "%%% not base64 %%%",
      b64("hello"),
      b64("v9|42-1|kraken|00000000"),
      b64("a1|42-1|kraken|00000000"),
      b64("a1|42-1|kraken"),
      good.substring(0, good.length() - 3),
      good.substring(0, 10) + edited.substring(10, 20) + good.substring(20),
      "x".repeat(600),
      Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}),
    };
    for (String cursor : bad) {
      assertThatThrownBy(() -> ActivityCursor.decode(cursor))
          .as(cursor)
          .isExactlyInstanceOf(InvalidCursorException.class)
          .hasMessageContaining("cursor is not one this server issued")
          .hasNoCause();
    }
  }
}
