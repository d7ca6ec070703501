package com.livermore.perseus.security;

import com.livermore.perseus.config.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * The login settings and the failed-login throttle shared by the API's Basic logins and the
 * console's form. Read at start-up, so a bad value fails the deployment.
 */
@ApplicationScoped
public class LoginGuard {
  @Inject ConfigValues config;
  private volatile LoginSettings settings;
  private volatile LoginThrottle throttle;

  void readAtStartup(@Observes Startup event) {
    settings();
  }

  public LoginSettings settings() {
    LoginSettings s = settings;
    if (s == null) {
      synchronized (this) {
        if (settings == null) {
          LoginSettings read = LoginSettings.read(config);
          throttle =
              new LoginThrottle(read.throttleFailures(), read.throttleWindow(), System::nanoTime);
          settings = read;
        }
        s = settings;
      }
    }
    return s;
  }

  /** How long logins of {@code user} from {@code address} are still refused, if they are. */
  Optional<Duration> refusal(String address, String user) {
    settings();
    return throttle.refusal(address, user);
  }

  void failed(String address, String user) {
    settings();
    throttle.failed(address, user);
  }

  void succeeded(String address, String user) {
    settings();
    throttle.succeeded(address, user);
  }

  /** Whole seconds, at least 1, for a {@code Retry-After} header. */
  public static long retryAfterSeconds(Duration left) {
    return Math.max(1, (left.toMillis() + 999) / 1000);
  }
}
