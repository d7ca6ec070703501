package com.livermore.perseus.security;

import com.livermore.perseus.config.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The Jakarta Security identity store over {@code perseus.security.users}: validates user name and
 * password and provides the user's groups, which map one to one onto the roles. The users are read
 * once, at start-up, so a broken entry fails the deployment.
 */
@ApplicationScoped
public class ConfiguredIdentityStore implements IdentityStore {
  private static final Logger LOG = Logger.getLogger(ConfiguredIdentityStore.class.getName());

  @Inject ConfigValues config;
  @Inject LoginGuard guard;
  private volatile UserDirectory directory;
  private volatile LoginCache cache;

  public ConfiguredIdentityStore() {}

  /** For tests: a store over the given users instead of MicroProfile Config, without a cache. */
  ConfiguredIdentityStore(UserDirectory directory) {
    this(directory, new LoginCache(java.time.Duration.ZERO, System::nanoTime));
  }

  /** For tests: a store over the given users that remembers verified logins in {@code cache}. */
  ConfiguredIdentityStore(UserDirectory directory, LoginCache cache) {
    this.directory = directory;
    this.cache = cache;
  }

  void readUsersAtStartup(@Observes Startup event) {
    directory();
    cache();
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String user = login.getCaller();
    char[] password = login.getPassword().getValue();
    LoginCache remembered = cache();
    Optional<Set<String>> groups = remembered.lookup(user, password);
    if (groups.isEmpty()) {
      groups = directory().authenticate(user, password);
      groups.ifPresent(g -> remembered.remember(user, password, g));
    }
    return groups
        .map(g -> new CredentialValidationResult(user, g))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  // Created with the user list's first use: it belongs to that list (see LoginCache).
  private LoginCache cache() {
    LoginCache current = cache;
    if (current == null) {
      synchronized (this) {
        if (cache == null) cache = new LoginCache(guard.settings().cacheFor(), System::nanoTime);
        current = cache;
      }
    }
    return current;
  }

  UserDirectory directory() {
    UserDirectory current = directory;
    if (current == null) {
      synchronized (this) {
        if (directory == null) directory = read(config);
        current = directory;
      }
    }
    return current;
  }

  private static UserDirectory read(ConfigValues config) {
    UserDirectory users = UserDirectory.read(config);
    if (users.isEmpty()) {
      LOG.warning(
          UserDirectory.PROPERTY
              + " lists no users, so nobody can log in to the console or the API: set it (or PERSEUS_SECURITY_USERS) to a comma list of user:role:secret.");
    } else if (users.usesPlainSecrets()) {
      LOG.warning(
          UserDirectory.PROPERTY
              + " contains plain: passwords, which are meant for development only: replace them with hashes printed by PasswordHashTool.");
    }
    LOG.info(() -> "Perseus users: " + users);
    return users;
  }
}
