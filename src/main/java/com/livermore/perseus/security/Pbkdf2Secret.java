package com.livermore.perseus.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password hash in Jakarta Security's {@code Pbkdf2PasswordHash} encoding, {@code
 * algorithm:iterations:base64(salt):base64(hash)}, checked with the JDK alone so it works the same
 * inside and outside a container. Accepts what the Soteria implementation can produce (its four
 * algorithms, at least 1024 iterations, salt and hash of at least 16 bytes); SHA-1 is refused
 * there, so here too.
 */
final class Pbkdf2Secret implements PasswordSecret {
  static final String DEFAULT_ALGORITHM = "PBKDF2WithHmacSHA256";

  /**
   * Soteria's default is 2048; 210,000 keeps one check near 0.1 s, which HTTP Basic pays on every
   * request that carries no session cookie, while raising the cost of guessing a hash 100-fold.
   */
  static final int DEFAULT_ITERATIONS = 210_000;

  static final List<String> ALGORITHMS =
      List.of(
          "PBKDF2WithHmacSHA224",
          "PBKDF2WithHmacSHA256",
          "PBKDF2WithHmacSHA384",
          "PBKDF2WithHmacSHA512");
  static final int MIN_ITERATIONS = 1024;
  static final int MAX_ITERATIONS = 10_000_000;
  static final int MIN_BYTES = 16;
  private static final int DEFAULT_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String algorithm;
  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private Pbkdf2Secret(String algorithm, int iterations, byte[] salt, byte[] hash) {
    this.algorithm = algorithm;
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /**
   * Whether the text claims to be a PBKDF2 hash (and so should be reported as a broken one if it
   * fails to parse).
   */
  static boolean looksLikeHash(String text) {
    return text.startsWith("PBKDF2With");
  }

  /**
   * Parses an encoded hash. The exception message is a clause for the caller's sentence and never
   * contains any part of the text.
   */
  static Pbkdf2Secret parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "has a PBKDF2 hash that is not of the form algorithm:iterations:salt:hash");
    }
    if (!ALGORITHMS.contains(parts[0])) {
      throw new IllegalArgumentException(
          "has a PBKDF2 hash with an unsupported algorithm (use "
              + String.join(", ", ALGORITHMS)
              + ")");
    }
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      iterations = -1;
    }
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "has a PBKDF2 hash whose iteration count is not a number from "
              + MIN_ITERATIONS
              + " to "
              + MAX_ITERATIONS);
    }
    byte[] salt;
    byte[] hash;
    try {
      salt = Base64.getDecoder().decode(parts[2]);
      hash = Base64.getDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "has a PBKDF2 hash whose salt or hash is not valid Base64");
    }
    if (salt.length < MIN_BYTES || hash.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "has a PBKDF2 hash whose salt or hash is shorter than " + MIN_BYTES + " bytes");
    }
    return new Pbkdf2Secret(parts[0], iterations, salt, hash);
  }

  /**
   * A new hash of {@code password} with a random 32-byte salt, in the encoding {@link #parse}
   * reads.
   */
  static String generate(char[] password) {
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("The password to hash must not be empty.");
    }
    byte[] salt = new byte[DEFAULT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(DEFAULT_ALGORITHM, password, salt, DEFAULT_ITERATIONS, DEFAULT_BYTES);
    Base64.Encoder base64 = Base64.getEncoder();
    return DEFAULT_ALGORITHM
        + ":"
        + DEFAULT_ITERATIONS
        + ":"
        + base64.encodeToString(salt)
        + ":"
        + base64.encodeToString(hash);
  }

  @Override
  public boolean matches(char[] password) {
    if (password == null || password.length == 0) return false;
    return MessageDigest.isEqual(hash, derive(algorithm, password, salt, iterations, hash.length));
  }

  @Override
  public String toString() {
    return algorithm + ":" + iterations + ":***";
  }

  /**
   * PBKDF2 as {@code Pbkdf2PasswordHash} computes it: the JDK's key factory, the password as UTF-8.
   */
  static byte[] derive(
      String algorithm, char[] password, byte[] salt, int iterations, int keyBytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
    try {
      return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This Java runtime cannot compute " + algorithm, e);
    } finally {
      spec.clearPassword();
    }
  }
}
