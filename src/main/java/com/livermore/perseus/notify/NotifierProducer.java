package com.livermore.perseus.notify;

import com.livermore.perseus.config.ConfigValues;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The application's one webhook notifier, configured from {@code perseus.notify.*} (a broken value
 * fails the deployment), delivering on the container's managed threads, and closed on undeploy,
 * after the instance has said goodbye.
 */
@ApplicationScoped
public class NotifierProducer {
  @Inject ConfigValues config;
  @Resource ManagedThreadFactory threads;
  @Resource ManagedExecutorService executor;

  private WebhookNotifier notifier;

  @Produces
  public synchronized WebhookNotifier notifier() {
    if (notifier == null) {
      notifier = new WebhookNotifier(WebhookSettings.read(config), threads, executor);
    }
    return notifier;
  }

  @PreDestroy
  synchronized void close() {
    if (notifier != null) notifier.close();
  }
}
