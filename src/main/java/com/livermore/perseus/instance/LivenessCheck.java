package com.livermore.perseus.instance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the instance runtime answers. Redis trouble is deliberately not a liveness failure:
 * restarting the instance would not bring Redis back, and it re-claims by itself when Redis
 * returns.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {
  @Inject InstanceRuntime runtime;

  @Override
  public HealthCheckResponse call() {
    InstanceStatus s = runtime.status();
    return HealthCheckResponse.named("perseus-instance")
        .status(s.role() != InstanceRole.STOPPED)
        .withData("instanceId", s.instanceId())
        .withData("role", s.role().wireName())
        .build();
  }
}
