package com.livermore.perseus.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The user and password of an {@code Authorization: Basic} header (RFC 7617), decoded as UTF-8 as
 * the challenge announces. The password stays a {@code char[]} so the caller can wipe it.
 */
record BasicCredentials(String user, char[] password) {
  private static final String SCHEME = "Basic";

  /** Whether the header uses the Basic scheme (case-insensitive, as RFC 9110 says for schemes). */
  static boolean isBasic(String authorization) {
    if (authorization == null) return false;
    String header = authorization.trim();
    return header.length() > SCHEME.length()
        && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        && Character.isWhitespace(header.charAt(SCHEME.length()));
  }

  /** The credentials, or empty when the header is not well-formed Basic. */
  static Optional<BasicCredentials> parse(String authorization) {
    if (!isBasic(authorization)) return Optional.empty();
    String token = authorization.trim().substring(SCHEME.length()).trim();
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    CharBuffer chars;
    try {
      chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    char[] text = new char[chars.remaining()];
    chars.get(text);
    if (chars.hasArray()) Arrays.fill(chars.array(), '\0');
    try {
      int colon = indexOf(text, ':');
      if (colon < 0) return Optional.empty();
      return Optional.of(
          new BasicCredentials(
              new String(text, 0, colon), Arrays.copyOfRange(text, colon + 1, text.length)));
    } finally {
      Arrays.fill(text, '\0');
    }
  }

  private static int indexOf(char[] text, char c) {
    for (int i = 0; i < text.length; i++) {
      if (text[i] == c) return i;
    }
    return -1;
  }

  /** Overwrites the password once it has been checked. */
  void wipe() {
    Arrays.fill(password, '\0');
  }

  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + ", password=***]";
  }
}
