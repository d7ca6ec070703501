package com.livermore.perseus.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void bidiControlAndZeroWidthCharactersBecomeVisibleEscapes() {
    assertThat(Printable.escape("invoice\u202Egnp.exe")).isEqualTo("invoice\\u202Egnp.exe");
    assertThat(Printable.escape("a\u2066b\u2069c\u200Bd\u200De"))
        .isEqualTo("a\\u2066b\\u2069c\\u200Bd\\u200De");
    assertThat(Printable.escape("bell\u0007tab\tnl\ndel\u007F"))
        .isEqualTo("bell\\u0007tab\\u0009nl\\u000Adel\\u007F");
    assertThat(Printable.escape("line\u2028para\u2029")).isEqualTo("line\\u2028para\\u2029");
    assertThat(Printable.escape("lone\uD800")).isEqualTo("lone\\uD800");
    assertThat(Printable.escape("tag\uDB40\uDC01")).isEqualTo("tag\\u{E0001}");
  }

  @Test
  void ordinaryTextOfAnyScriptIsKept() {
    for (String s : new String[] {"kraken-host", "été", "東京-1", "مرحبا", "💥", "<b>x</b>", ""}) {
      assertThat(Printable.escape(s)).isSameAs(s);
    }
    assertThat(Printable.escape(null)).isNull();
  }
}
