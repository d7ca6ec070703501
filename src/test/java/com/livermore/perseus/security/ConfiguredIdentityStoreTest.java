package com.livermore.perseus.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import org.junit.jupiter.api.Test;

class ConfiguredIdentityStoreTest {
  private final ConfiguredIdentityStore store =
      new ConfiguredIdentityStore(
          UserDirectory.parse("alice:network-admin:plain:one,bob:network-viewer:plain:two"));

  @Test
  void aRightPasswordGivesTheCallerAndTheRoleGroups() {
    CredentialValidationResult result =
        store.validate(new UsernamePasswordCredential("alice", "one"));
    assertThat(result.getStatus()).isEqualTo(Status.VALID);
    assertThat(result.getCallerPrincipal().getName()).isEqualTo("alice");
    assertThat(result.getCallerGroups())
        .containsExactlyInAnyOrder("network-viewer", "network-admin");
  }

  @Test
  void aWrongPasswordIsInvalid() {
    assertThat(store.validate(new UsernamePasswordCredential("bob", "one")).getStatus())
        .isEqualTo(Status.INVALID);
    assertThat(store.validate(new UsernamePasswordCredential("carol", "two")).getStatus())
        .isEqualTo(Status.INVALID);
  }

  @Test
  void aVerifiedLoginIsRememberedAndAWrongOneNever() {
    LoginCache cache = new LoginCache(java.time.Duration.ofMinutes(5), System::nanoTime);
    ConfiguredIdentityStore cached =
        new ConfiguredIdentityStore(
            UserDirectory.parse("alice:network-admin:" + UserDirectory.hash("one".toCharArray())),
            cache);
    assertThat(cached.validate(new UsernamePasswordCredential("alice", "wrong")).getStatus())
        .isEqualTo(Status.INVALID);
    assertThat(cache.size()).isZero();
    assertThat(cached.validate(new UsernamePasswordCredential("alice", "one")).getStatus())
        .isEqualTo(Status.VALID);
    assertThat(cache.lookup("alice", "one".toCharArray()))
        .hasValue(java.util.Set.of("network-viewer", "network-admin"));
    // Served from the cache, the groups are the same.
    assertThat(cached.validate(new UsernamePasswordCredential("alice", "one")).getCallerGroups())
        .containsExactlyInAnyOrder("network-viewer", "network-admin");
    assertThat(cached.validate(new UsernamePasswordCredential("alice", "one!")).getStatus())
        .isEqualTo(Status.INVALID);
  }

  @Test
  void otherCredentialTypesAreLeftToOtherStores() {
    assertThat(store.validate(new CallerOnlyCredential("alice")).getStatus())
        .isEqualTo(Status.NOT_VALIDATED);
  }
}
