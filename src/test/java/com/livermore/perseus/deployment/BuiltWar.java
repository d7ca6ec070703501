package com.livermore.perseus.deployment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build produced ({@code target/perseus.war}), unchanged but for a {@code
 * microprofile-config.properties} carrying the test's settings (such as the harness Redis port),
 * exactly as an operator would configure a deployment. The same archive is deployed on Payara Micro
 * and on WildFly.
 */
public final class BuiltWar {
  private BuiltWar() {}

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(BuiltWar.class.getName());

  /** The name (and so the context root) of the archive built last: the one being deployed. */
  private static volatile String lastName;

  public static WebArchive configured(String name, Map<String, String> config) {
    lastName = name;
    File war = new File(System.getProperty("perseus.war", "target/perseus.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(
          war + " is missing: run the tests through Maven (mvn verify), which packages it first.");
    }
    prepareServerTmp();
    WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, war);
    // The WAR's own settings (mp.openapi.scan.disable) first, the test's after them.
    String own = "WEB-INF/classes/META-INF/microprofile-config.properties";
    StringBuilder props = new StringBuilder();
    if (built.contains(own)) {
      try (java.io.InputStream in = built.get(own).getAsset().openStream()) {
        props.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      built.delete(own);
    }
    new TreeMap<>(config).forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .merge(built)
        .addAsResource(
            new StringAsset(props.toString()), "META-INF/microprofile-config.properties");
  }

  /**
   * The deployment's URL on the loopback interface: the adapter reports the host's first interface
   * address, and tests keep their traffic on 127.0.0.1.
   */
  public static String loopback(java.net.URL url) {
    return loopback(url, lastName);
  }

  static String loopback(java.net.URL url, String archiveName) {
    String path = url.getPath();
    if ((path.isEmpty() || path.equals("/")) && archiveName != null) {
      // The Payara Micro adapter finds the context root by reading the server's start-up log;
      // when it does not find the application's listing there, it reports the bare server. The
      // context root of the WAR is its archive's name on both servers.
      path = "/" + archiveName + "/";
      LOG.warning(
          "The adapter reported "
              + url
              + " without the application's context root; using "
              + path
              + " (the archive's name).");
    }
    return url.getProtocol() + "://127.0.0.1:" + url.getPort() + path;
  }

  /** The deployment's context path, with its slashes ({@code /console/}). */
  public static String contextPath(java.net.URL url) {
    return java.net.URI.create(loopback(url)).getPath();
  }

  /**
   * Payara Micro's own temporary files go under target/, not /tmp (see payara.cmdOptions in the
   * POM); WildFly keeps its own in its standalone/tmp.
   */
  private static void prepareServerTmp() {
    String dir = System.getProperty("perseus.payara.tmp");
    if (dir == null) return;
    try {
      Files.createDirectories(Path.of(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
