package com.livermore.perseus.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints a {@code Pbkdf2PasswordHash}-format hash for {@code perseus.security.users}. Reads the
 * password from the terminal without echo, or the first line of standard input when piped: {@code
 * java -cp target/classes com.livermore.perseus.security.PasswordHashTool}.
 */
public final class PasswordHashTool {
  private PasswordHashTool() {}

  public static void main(String[] args) throws IOException {
    char[] password = readPassword();
    if (password == null || password.length == 0) {
      System.err.println("No password given: type it at the prompt or pipe it on standard input.");
      System.exit(2);
    }
    System.out.println(UserDirectory.hash(password));
    System.err.println(
        "Use it as user:network-viewer:<hash> or user:network-admin:<hash> in "
            + UserDirectory.PROPERTY
            + ".");
  }

  private static char[] readPassword() throws IOException {
    Console console = System.console();
    if (console != null) return console.readPassword("Password: ");
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    return line == null ? null : line.toCharArray();
  }
}
