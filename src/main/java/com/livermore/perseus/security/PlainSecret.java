package com.livermore.perseus.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A {@code plain:<password>} secret, accepted for development. Only the SHA-256 digest is kept:
 * comparing fixed-length digests with {@link MessageDigest#isEqual} takes the same time whatever
 * the length or content of the guess, and the password itself does not linger in the heap.
 */
final class PlainSecret implements PasswordSecret {
  static final String PREFIX = "plain:";

  private final byte[] digest;

  PlainSecret(char[] password) {
    this.digest = sha256(password);
  }

  @Override
  public boolean matches(char[] password) {
    return password != null
        && password.length > 0
        && MessageDigest.isEqual(digest, sha256(password));
  }

  @Override
  public String toString() {
    return "plain:***";
  }

  private static byte[] sha256(char[] password) {
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] raw = new byte[bytes.remaining()];
    bytes.get(raw);
    try {
      return MessageDigest.getInstance("SHA-256").digest(raw);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
      if (bytes.hasArray()) Arrays.fill(bytes.array(), (byte) 0);
    }
  }
}
