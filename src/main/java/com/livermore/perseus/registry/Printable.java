package com.livermore.perseus.registry;

/**
 * Text from a record (a host name, a message) made safe to show: control characters, format
 * characters (the bidi overrides U+202A–U+202E and U+2066–U+2069, zero-width characters), line and
 * paragraph separators and unpaired surrogates become a visible {@code \}{@code uXXXX} escape, so a
 * record cannot reorder or hide what an operator reads next to it. Everything else, letters of any
 * script included, is kept.
 */
public final class Printable {
  private Printable() {}

  public static String escape(String text) {
    if (text == null) return null;
    if (text.codePoints().noneMatch(Printable::hidden)) return text;
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            cp -> {
              if (!hidden(cp)) out.appendCodePoint(cp);
              else if (cp <= 0xFFFF) out.append(String.format("\\u%04X", cp));
              else out.append(String.format("\\u{%X}", cp));
            });
    return out.toString();
  }

  private static boolean hidden(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE ->
          true;
      default -> false;
    };
  }
}
