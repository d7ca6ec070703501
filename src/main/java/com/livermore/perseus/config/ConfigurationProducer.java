package com.livermore.perseus.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The only place that asks MicroProfile Config (system properties, then environment variables such
 * as {@code PERSEUS_LEASE_TTL}, then {@code META-INF/microprofile-config.properties}): it produces
 * the {@link ConfigValues} every section reads from, and the instance's configuration, read once at
 * first use during start-up. A broken rule fails the deployment.
 */
@ApplicationScoped
public class ConfigurationProducer {
  private static final Logger LOG = Logger.getLogger(ConfigurationProducer.class.getName());

  private volatile ConfigValues values;
  private volatile PerseusConfig config;

  @Produces
  public ConfigValues values() {
    ConfigValues current = values;
    if (current == null) {
      synchronized (this) {
        if (values == null) {
          Config source = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
          values = new ConfigValues(name -> source.getOptionalValue(name, String.class));
          KnownProperties.unknown(source.getPropertyNames()).ifPresent(LOG::warning);
        }
        current = values;
      }
    }
    return current;
  }

  @Produces
  public PerseusConfig config() {
    PerseusConfig current = config;
    if (current == null) {
      synchronized (this) {
        if (config == null) config = ConfigurationReader.read(values());
        current = config;
      }
    }
    return current;
  }
}
