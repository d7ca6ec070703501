package com.livermore.perseus.testing;

import com.livermore.perseus.notify.WebhookFormat;
import com.livermore.perseus.notify.WebhookTarget;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a free loopback port that records every request and answers as scripted:
 * the stand-in for an operator's Discord, Slack or own endpoint, for the notifier's unit tests and
 * for deployed WARs alike.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** The answer to request number {@code n} (1-based); may sleep to play a hanging receiver. */
  public interface Script {
    Reply reply(int n) throws InterruptedException;
  }

  public record Reply(int status, String retryAfter) {
    public static Reply status(int status) {
      return new Reply(status, null);
    }
  }

  public record Request(String body, String contentType, String method, long receivedNanos) {}

  /** The path stands in for the secret part of a real webhook URL. */
  public static final String SECRET_PATH = "/api/webhooks/123456/s3cr3t-t0ken";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();

  public WebhookReceiver(Script script) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, script));
    server.start();
  }

  public static WebhookReceiver answering(int status) {
    return new WebhookReceiver(n -> Reply.status(status));
  }

  private void handle(HttpExchange exchange, Script script) throws IOException {
    open.incrementAndGet();
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(
          new Request(
              body,
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestMethod(),
              System.nanoTime()));
      Reply reply = script.reply(requests.size());
      if (reply.retryAfter() != null)
        exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
      exchange.sendResponseHeaders(reply.status(), -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.decrementAndGet();
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH);
  }

  public WebhookTarget target(WebhookFormat format) {
    return new WebhookTarget(url(), format);
  }

  public List<Request> requests() {
    return requests;
  }

  /** The bodies received so far, in order. */
  public List<String> bodies() {
    return requests.stream().map(Request::body).toList();
  }

  /** Requests the receiver is still working on (a hanging one stays open). */
  public int open() {
    return open.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
