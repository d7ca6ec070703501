package com.livermore.perseus.security;

import com.livermore.perseus.config.ConfigValues;
import com.livermore.perseus.config.InvalidConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The users of {@code perseus.security.users}: a comma list of {@code user:role:secret}, the secret
 * being a {@code Pbkdf2PasswordHash} hash or {@code plain:<password>} (so a plain password cannot
 * contain a comma; a hashed one can). Surrounding whitespace and empty entries are ignored. Pure:
 * the identity store builds it once from MicroProfile Config, tests build it from strings.
 */
public final class UserDirectory {
  public static final String PROPERTY = "perseus.security.users";

  private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final Map<String, Account> accounts;
  private final boolean plainSecrets;

  private record Account(String name, Role role, PasswordSecret secret) {}

  private UserDirectory(Map<String, Account> accounts) {
    this.accounts = Collections.unmodifiableMap(accounts);
    this.plainSecrets = accounts.values().stream().anyMatch(a -> a.secret() instanceof PlainSecret);
  }

  /** The {@value #PROPERTY} section of the configuration. */
  public static UserDirectory read(ConfigValues values) {
    return parse(values.text(PROPERTY).orElse(null));
  }

  /**
   * Reads the property value; {@code null} or blank gives an empty directory. Throws {@link
   * InvalidConfigurationException} naming the entry (and its user, when the name is valid), never
   * any part of a secret.
   */
  public static UserDirectory parse(String value) {
    Map<String, Account> accounts = new LinkedHashMap<>();
    Map<String, Integer> positions = new LinkedHashMap<>();
    if (value == null) return new UserDirectory(accounts);
    String[] entries = value.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim();
      if (entry.isEmpty()) continue;
      int position = i + 1;
      Account account = account(entry, position);
      Integer first = positions.putIfAbsent(account.name(), position);
      if (first != null) {
        throw invalid(
            position,
            account.name(),
            "repeats the user defined in entry "
                + first
                + ", but each user name may appear only once");
      }
      accounts.put(account.name(), account);
    }
    return new UserDirectory(accounts);
  }

  private static Account account(String entry, int position) {
    String[] parts = entry.split(":", 3);
    if (parts.length < 3) {
      throw invalid(
          position,
          null,
          "must look like user:role:secret, with role network-viewer or network-admin");
    }
    String name = parts[0].trim();
    if (!USER_NAME.matcher(name).matches()) {
      throw invalid(
          position, null, "has a user name that is not 1-64 letters, digits, '.', '_', '@' or '-'");
    }
    Role role =
        Role.fromName(parts[1].trim())
            .orElseThrow(
                () ->
                    invalid(
                        position,
                        name,
                        "must have the role network-viewer or network-admin between the first two colons"));
    try {
      return new Account(name, role, secret(parts[2].trim()));
    } catch (IllegalArgumentException e) {
      throw invalid(position, name, e.getMessage());
    }
  }

  private static PasswordSecret secret(String text) {
    if (text.startsWith(PlainSecret.PREFIX)) {
      if (text.length() == PlainSecret.PREFIX.length()) {
        throw new IllegalArgumentException("has an empty plain password");
      }
      return new PlainSecret(text.substring(PlainSecret.PREFIX.length()).toCharArray());
    }
    if (Pbkdf2Secret.looksLikeHash(text)) return Pbkdf2Secret.parse(text);
    throw new IllegalArgumentException(
        "must have a secret that is either a Pbkdf2PasswordHash hash "
            + "(algorithm:iterations:salt:hash, as PasswordHashTool prints) or plain:<password>");
  }

  private static InvalidConfigurationException invalid(int position, String user, String reason) {
    String who = user == null ? "" : " (user '" + user + "')";
    return new InvalidConfigurationException(
        PROPERTY + " entry " + position + who + " " + reason + ".");
  }

  /**
   * The groups of {@code user} if {@code password} is right; empty for any failure, whatever its
   * cause.
   */
  public Optional<Set<String>> authenticate(String user, char[] password) {
    Account account = user == null ? null : accounts.get(user);
    if (account == null) {
      // Spend what a real check costs, so the answer time does not tell which user names exist.
      if (!accounts.isEmpty()) UnknownUser.SECRET.matches(password);
      return Optional.empty();
    }
    return account.secret().matches(password)
        ? Optional.of(account.role().groups())
        : Optional.empty();
  }

  public boolean isEmpty() {
    return accounts.isEmpty();
  }

  /**
   * Whether any user has a {@code plain:} secret, so the caller can warn once (without the
   * password).
   */
  public boolean usesPlainSecrets() {
    return plainSecrets;
  }

  /** The configured user names, sorted; for log lines and the demo. */
  public Set<String> userNames() {
    return Collections.unmodifiableSet(new TreeSet<>(accounts.keySet()));
  }

  /**
   * A new {@code Pbkdf2PasswordHash}-format hash of {@code password}, ready for {@value #PROPERTY}.
   */
  public static String hash(char[] password) {
    return Pbkdf2Secret.generate(password);
  }

  @Override
  public String toString() {
    StringJoiner s = new StringJoiner(", ", "UserDirectory[", "]");
    accounts.values().forEach(a -> s.add(a.name() + ":" + a.role().roleName()));
    return s.toString();
  }

  /** Created on the first unknown user name only, as hashing takes about 0.1 s. */
  private static final class UnknownUser {
    static final PasswordSecret SECRET =
        Pbkdf2Secret.parse(Pbkdf2Secret.generate("no such user".toCharArray()));
  }
}
