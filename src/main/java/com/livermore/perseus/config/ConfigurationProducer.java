package com.livermore.perseus.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the configuration once, at first use during start-up, from MicroProfile Config (system
 * properties, then environment variables such as {@code PERSEUS_LEASE_TTL}, then {@code
 * META-INF/microprofile-config.properties}). A broken rule fails the deployment.
 */
@ApplicationScoped
public class ConfigurationProducer {
  private volatile PerseusConfig config;

  @Produces
  public PerseusConfig config() {
    PerseusConfig current = config;
    if (current == null) {
      synchronized (this) {
        if (config == null) {
          Config source = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
          config = ConfigurationReader.read(name -> source.getOptionalValue(name, String.class));
        }
        current = config;
      }
    }
    return current;
  }
}
