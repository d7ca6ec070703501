package com.livermore.perseus.security;

/**
 * What a configured user's password is checked against. Implementations never reveal the secret,
 * not even through {@code toString()}, so a stray log line cannot leak it.
 */
sealed interface PasswordSecret permits PlainSecret, Pbkdf2Secret {

  /** Whether {@code password} is right; takes the same time for every wrong password. */
  boolean matches(char[] password);
}
