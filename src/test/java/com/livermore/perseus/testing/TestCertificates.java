package com.livermore.perseus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority for TLS tests, made with the {@code openssl} and {@code
 * keytool} command-line tools: the CA (PEM, and as a PKCS12 truststore), a server certificate for
 * {@code 127.0.0.1} only (so that {@code localhost} fails hostname verification), and a client
 * certificate in a PKCS12 store.
 */
public final class TestCertificates {
  public static final String STORE_PASSWORD = "store-secret-1";

  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  public static TestCertificates create() {
    try {
      Path dir = Files.createTempDirectory("perseus-tls-");
      TestCertificates c = new TestCertificates(dir);
      c.run(
          "openssl",
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "2",
          "-subj",
          "/CN=Perseus Test CA",
          "-keyout",
          "ca.key",
          "-out",
          "ca.crt");
      Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n");
      c.run(
          "openssl",
          "req",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-subj",
          "/CN=redis-test",
          "-keyout",
          "server.key",
          "-out",
          "server.csr");
      c.run(
          "openssl",
          "x509",
          "-req",
          "-in",
          "server.csr",
          "-CA",
          "ca.crt",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-days",
          "2",
          "-extfile",
          "server.ext",
          "-out",
          "server.crt");
      c.run(
          "openssl",
          "req",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-subj",
          "/CN=perseus-client",
          "-keyout",
          "client.key",
          "-out",
          "client.csr");
      c.run(
          "openssl",
          "x509",
          "-req",
          "-in",
          "client.csr",
          "-CA",
          "ca.crt",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-days",
          "2",
          "-out",
          "client.crt");
      c.run(
          "openssl",
          "pkcs12",
          "-export",
          "-in",
          "client.crt",
          "-inkey",
          "client.key",
          "-name",
          "client",
          "-out",
          "client.p12",
          "-passout",
          "pass:" + STORE_PASSWORD);
      c.run(
          "keytool",
          "-importcert",
          "-noprompt",
          "-alias",
          "ca",
          "-file",
          "ca.crt",
          "-keystore",
          "trust.p12",
          "-storetype",
          "PKCS12",
          "-storepass",
          STORE_PASSWORD);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path caPem() {
    return dir.resolve("ca.crt");
  }

  public Path caPkcs12() {
    return dir.resolve("trust.p12");
  }

  public Path clientPkcs12() {
    return dir.resolve("client.p12");
  }

  /** {@code redis-server} arguments for a TLS port that requires a client certificate. */
  public String[] redisArgs() {
    return new String[] {
      "--tls-cert-file", dir.resolve("server.crt").toString(),
      "--tls-key-file", dir.resolve("server.key").toString(),
      "--tls-ca-cert-file", caPem().toString(),
      "--tls-auth-clients", "yes"
    };
  }

  private void run(String... command) {
    List<String> cmd = new ArrayList<>(List.of(command));
    try {
      Process p =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("tools.log").toFile())
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", cmd) + " failed: " + Files.readString(dir.resolve("tools.log")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + cmd.get(0) + " (is it installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
