package com.livermore.perseus.instance;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Properties;
import java.util.UUID;

/** Who this instance is: a fresh id per start, the host it runs on, and the Perseus version. */
public record InstanceIdentity(
    String instanceId, String hostname, String localAddress, String admin, String version) {

  public static InstanceIdentity detect(String admin) {
    return new InstanceIdentity(
        UUID.randomUUID().toString(),
        detectHostname(),
        detectLocalAddress(),
        admin,
        detectVersion());
  }

  private static String detectHostname() {
    String env = System.getenv("HOSTNAME");
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return env != null && !env.isBlank() ? env : "unknown-host";
    }
  }

  /** The first site-local (or else any non-loopback) IPv4 address of an interface that is up. */
  private static String detectLocalAddress() {
    String fallback = null;
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) continue;
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a.getAddress().length != 4) continue;
          if (a.isSiteLocalAddress()) return a.getHostAddress();
          if (fallback == null) fallback = a.getHostAddress();
        }
      }
    } catch (SocketException e) {
      // no interfaces readable: fall through
    }
    return fallback != null ? fallback : InetAddress.getLoopbackAddress().getHostAddress();
  }

  private static String detectVersion() {
    try (InputStream in = InstanceIdentity.class.getResourceAsStream("/perseus-build.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
