package com.livermore.perseus.notify;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's one webhook notifier, configured from {@code perseus.notify.*} (a broken value
 * fails the deployment) and closed on undeploy, after the instance has said goodbye.
 */
@ApplicationScoped
public class NotifierProducer {
  private WebhookNotifier notifier;

  @Produces
  public synchronized WebhookNotifier notifier() {
    if (notifier == null) {
      Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
      notifier =
          new WebhookNotifier(
              WebhookSettings.parse(name -> config.getOptionalValue(name, String.class)));
    }
    return notifier;
  }

  @PreDestroy
  synchronized void close() {
    if (notifier != null) notifier.close();
  }
}
