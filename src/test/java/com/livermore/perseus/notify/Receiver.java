package com.livermore.perseus.notify;

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
 * A webhook receiver on a free loopback port that records every request and answers as scripted.
 */
final class Receiver implements AutoCloseable {
  /** The answer to request number {@code n} (1-based); may sleep to play a hanging receiver. */
  interface Script {
    Reply reply(int n) throws InterruptedException;
  }

  record Reply(int status, String retryAfter) {
    static Reply status(int status) {
      return new Reply(status, null);
    }
  }

  record Request(String body, String contentType, String method, long receivedNanos) {}

  /** The path stands in for the secret part of a real webhook URL. */
  static final String SECRET_PATH = "/api/webhooks/123456/s3cr3t-t0ken";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();

  Receiver(Script script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, script));
    server.start();
  }

  static Receiver answering(int status) throws IOException {
    return new Receiver(n -> Reply.status(status));
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

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH);
  }

  WebhookTarget target(WebhookFormat format) {
    return new WebhookTarget(url(), format);
  }

  List<Request> requests() {
    return requests;
  }

  /** Requests the receiver is still working on (a hanging one stays open). */
  int open() {
    return open.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
