package com.livermore.perseus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.livermore.perseus.config.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserDirectoryTest {
  // "correct horse battery staple", PBKDF2WithHmacSHA256, 2048 iterations (made with Python's
  // hashlib).
  private static final String HASH =
      "PBKDF2WithHmacSHA256:2048:EBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8=:o+8zkquIvyvg0kiIQ3iwJtjIR5RGBj85ywKWUeet75I=";

  private static String failure(String value) {
    try {
      UserDirectory.parse(value);
    } catch (InvalidConfigurationException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected " + UserDirectory.PROPERTY + " to be refused");
  }

  @Test
  void anAdminWithAHashGetsBothGroups() {
    UserDirectory users = UserDirectory.parse("alice:network-admin:" + HASH);
    assertThat(users.authenticate("alice", "correct horse battery staple".toCharArray()))
        .hasValueSatisfying(
            groups ->
                assertThat(groups).containsExactlyInAnyOrder("network-viewer", "network-admin"));
    assertThat(users.usesPlainSecrets()).isFalse();
  }

  @Test
  void aViewerWithAPlainSecretGetsTheViewerGroupOnly() {
    UserDirectory users = UserDirectory.parse("bob:network-viewer:plain:s3cret");
    assertThat(users.authenticate("bob", "s3cret".toCharArray()))
        .hasValueSatisfying(groups -> assertThat(groups).containsExactly("network-viewer"));
    assertThat(users.usesPlainSecrets()).isTrue();
  }

  @Test
  void wrongPasswordsUnknownUsersAndMissingInputFail() {
    UserDirectory users =
        UserDirectory.parse("alice:network-admin:" + HASH + ", bob:network-viewer:plain:s3cret");
    assertThat(users.authenticate("alice", "correct horse battery stapl".toCharArray())).isEmpty();
    assertThat(users.authenticate("bob", "s3cre".toCharArray())).isEmpty();
    assertThat(users.authenticate("bob", "s3cret ".toCharArray())).isEmpty();
    assertThat(users.authenticate("Bob", "s3cret".toCharArray())).isEmpty();
    assertThat(users.authenticate("carol", "s3cret".toCharArray())).isEmpty();
    assertThat(users.authenticate(null, "s3cret".toCharArray())).isEmpty();
    assertThat(users.authenticate("bob", null)).isEmpty();
    assertThat(users.authenticate("bob", new char[0])).isEmpty();
  }

  @Test
  void aUsersPasswordDoesNotOpenAnotherAccount() {
    UserDirectory users =
        UserDirectory.parse("alice:network-admin:plain:one,bob:network-viewer:plain:two");
    assertThat(users.authenticate("alice", "two".toCharArray())).isEmpty();
    assertThat(users.authenticate("alice", "one".toCharArray())).isPresent();
  }

  @Test
  void aHashFromHashRoundTripsThroughTheProperty() {
    String hash = UserDirectory.hash("Tr0ub4dor&3".toCharArray());
    UserDirectory users = UserDirectory.parse("ops@example.com:network-admin:" + hash);
    assertThat(users.authenticate("ops@example.com", "Tr0ub4dor&3".toCharArray())).isPresent();
    assertThat(users.authenticate("ops@example.com", "Tr0ub4dor&4".toCharArray())).isEmpty();
  }

  @Test
  void plainPasswordsMayContainColonsAndWhitespaceAroundEntriesIsIgnored() {
    UserDirectory users =
        UserDirectory.parse(
            "  alice : network-admin : plain:a:b c ,\n bob:network-viewer:plain:x ,");
    assertThat(users.userNames()).containsExactly("alice", "bob");
    assertThat(users.authenticate("alice", "a:b c".toCharArray())).isPresent();
  }

  @Test
  void userNamesMayUseDotsUnderscoresAtSignsAndHyphens() {
    String name = "ops.team_1@example-corp";
    assertThat(UserDirectory.parse(name + ":network-viewer:plain:x").userNames())
        .containsExactly(name);
    assertThat(UserDirectory.parse("a".repeat(64) + ":network-viewer:plain:x").userNames())
        .hasSize(1);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", ",", " , ,"})
  void noUsersGiveAnEmptyDirectoryWhereEveryLoginFails(String value) {
    UserDirectory users = UserDirectory.parse(value);
    assertThat(users.isEmpty()).isTrue();
    assertThat(users.usesPlainSecrets()).isFalse();
    assertThat(users.authenticate("admin", "admin".toCharArray())).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // value | position | user named in the message (or - for none) | secret that must not
        // appear
        "hunter2secret                                              | 1 | - | hunter2secret",
        "alice:hunter2secret                                        | 1 | - | hunter2secret",
        "bob:network-viewer:plain:x, al ice:network-admin:plain:hunter2secret | 2 | - | hunter2secret",
        "x:network-viewer:plain:x, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:network-admin:plain:hunter2secret | 2 | - | hunter2secret",
        "alice:root:plain:hunter2secret                             | 1 | alice | hunter2secret",
        "alice:hunter2secret:network-admin                          | 1 | alice | hunter2secret",
        "alice:network-admin:hunter2secret                          | 1 | alice | hunter2secret",
        "alice:network-admin:plain:                                 | 1 | alice | plain:",
        "alice:network-admin:PBKDF2WithHmacSHA1:2048:EBESExQVFhcYGRobHB0eHw==:o+8zkquIvyvg0kiIQ3iwJg== | 1 | alice | o+8zkquIvyvg0kiIQ3iwJg==",
        "alice:network-admin:PBKDF2WithHmacSHA256:100:EBESExQVFhcYGRobHB0eHw==:o+8zkquIvyvg0kiIQ3iwJg== | 1 | alice | o+8zkquIvyvg0kiIQ3iwJg==",
        "alice:network-admin:PBKDF2WithHmacSHA256:many:EBESExQVFhcYGRobHB0eHw==:o+8zkquIvyvg0kiIQ3iwJg== | 1 | alice | o+8zkquIvyvg0kiIQ3iwJg==",
        "alice:network-admin:PBKDF2WithHmacSHA256:2048:EBESExQVFhcYGRobHB0eHw==:o+8z!!!!kquIvyvg0kiIQ3iwJg== | 1 | alice | o+8z!!!!",
        "alice:network-admin:PBKDF2WithHmacSHA256:2048:EBES:o+8zkquIvyvg0kiIQ3iwJg==   | 1 | alice | o+8zkquIvyvg0kiIQ3iwJg==",
        "alice:network-admin:PBKDF2WithHmacSHA256:2048:o+8zkquIvyvg0kiIQ3iwJg==        | 1 | alice | o+8zkquIvyvg0kiIQ3iwJg=="
      })
  void invalidEntriesAreNamedInOneSentenceWithoutTheSecret(
      String value, int position, String user, String secret) {
    String message = failure(value);
    assertThat(message).startsWith("perseus.security.users entry " + position + " ");
    if (!user.equals("-")) assertThat(message).contains("(user '" + user + "')");
    assertThat(message).doesNotContain(secret).doesNotContain("hunter2");
    assertThat(message).endsWith(".");
    assertThat(message.substring(0, message.length() - 1)).doesNotContain(". ");
  }

  @Test
  void aRepeatedUserNameNamesBothEntries() {
    String message =
        failure(
            "alice:network-viewer:plain:first, bob:network-viewer:plain:x, alice:network-admin:plain:second");
    assertThat(message)
        .isEqualTo(
            "perseus.security.users entry 3 (user 'alice') repeats the user defined in entry 1, but each user name may appear only once.");
  }

  @Test
  void userNamesAreCaseSensitive() {
    assertThat(
            UserDirectory.parse("alice:network-viewer:plain:x,Alice:network-admin:plain:y")
                .userNames())
        .containsExactly("Alice", "alice");
  }

  @Test
  void toStringListsUsersAndRolesButNoSecrets() {
    UserDirectory users =
        UserDirectory.parse("alice:network-admin:" + HASH + ",bob:network-viewer:plain:s3cret");
    assertThat(users.toString())
        .isEqualTo("UserDirectory[alice:network-admin, bob:network-viewer]");
  }

  @Test
  void hashingAnEmptyPasswordIsRefused() {
    assertThatThrownBy(() -> UserDirectory.hash(new char[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
