package com.livermore.perseus.instance;

import com.livermore.perseus.network.NetworkView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Redis answers and this instance has settled: it owns its lease, or it deliberately
 * waits as a standby (another instance holds the exchange). Still claiming or shut down: not ready.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject InstanceRuntime runtime;
  @Inject NetworkView network;

  @Override
  public HealthCheckResponse call() {
    InstanceStatus s = runtime.status();
    boolean redis = network.redisReachable();
    boolean settled = s.role() == InstanceRole.OWNER || s.role() == InstanceRole.STANDBY;
    return HealthCheckResponse.named("perseus-lease")
        .status(redis && settled)
        .withData("exchange", s.exchange())
        .withData("role", s.role().wireName())
        .withData("state", s.state().wireName())
        .withData("epoch", s.epoch())
        .withData("redis", redis ? "reachable" : "unreachable")
        .build();
  }
}
