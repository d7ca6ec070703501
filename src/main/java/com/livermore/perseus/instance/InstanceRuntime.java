package com.livermore.perseus.instance;

import com.livermore.perseus.config.ConnectorSettings;
import com.livermore.perseus.config.InvalidConfigurationException;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import com.livermore.perseus.notify.WebhookNotifier;
import com.livermore.perseus.registry.PublicIpLookup;
import com.livermore.perseus.store.InstanceStores;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.StreamSupport;

/**
 * Container glue for this instance: at deployment it validates the configuration (a broken rule
 * fails the deployment), claims the exchange and starts the heartbeat as a programmatic EJB
 * interval timer; on undeploy or SIGTERM it releases the lease.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InstanceRuntime {
  private static final Logger LOG = Logger.getLogger(InstanceRuntime.class.getName());

  @Inject PerseusConfig config;
  @Inject InstanceStores stores;
  @Inject @Any Instance<ExchangeConnector> connectors;
  @Inject InstanceMetrics metrics;
  @Inject WebhookNotifier notifier;
  @Resource TimerService timers;
  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;

  private ExchangeInstance instance;
  private Timer heartbeat;

  @PostConstruct
  void boot() {
    instance =
        InstanceAssembly.of(config, stores)
            .connector(connector())
            .worker(executor)
            .scheduler(scheduler)
            .metrics(metrics)
            .notifications(notifier::offer)
            .acceptingCommands()
            .build();
    InstanceIdentity identity = instance.identity();
    LOG.info(
        () ->
            "Perseus instance "
                + identity.instanceId()
                + " on "
                + identity.hostname()
                + " starting for exchange "
                + config.exchange()
                + " (heartbeat "
                + config.lease().heartbeatInterval().toMillis()
                + " ms, lease TTL "
                + config.lease().ttl().toMillis()
                + " ms).");
    if (config.publicIp().enabled()) {
      new PublicIpLookup(config.publicIp().endpoints(), config.publicIp().timeout())
          .lookup()
          .thenAccept(ip -> instance.publicIpDetected(ip.orElse(null)));
    }
    instance.start();
    long interval = config.lease().heartbeatInterval().toMillis();
    heartbeat =
        timers.createIntervalTimer(interval, interval, new TimerConfig("perseus-heartbeat", false));
  }

  @Timeout
  void beat(Timer timer) {
    instance.heartbeat();
  }

  @PreDestroy
  void stop() {
    if (heartbeat != null) {
      try {
        heartbeat.cancel();
      } catch (RuntimeException e) {
        // the timer service may already be down at SIGTERM; the instance stops beating anyway
      }
    }
    instance.shutdown();
  }

  public InstanceStatus status() {
    return instance.status();
  }

  private ExchangeConnector connector() {
    String wanted = config.connector().name();
    List<ExchangeConnector> all = StreamSupport.stream(connectors.spliterator(), false).toList();
    return all.stream()
        .filter(c -> c.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidConfigurationException(
                    ConnectorSettings.CONNECTOR
                        + " names '"
                        + wanted
                        + "', but the deployed connectors are "
                        + all.stream().map(ExchangeConnector::name).toList()
                        + "."));
  }
}
