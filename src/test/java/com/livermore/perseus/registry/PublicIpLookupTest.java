package com.livermore.perseus.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicIpLookupTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** Scheduling slack on a busy build machine; the lookup itself is bounded by TIMEOUT. */
  private static final Duration SLACK = Duration.ofSeconds(1);

  private final List<HttpServer> servers = new ArrayList<>();
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final CountDownLatch releaseHangingHandlers = new CountDownLatch(1);

  @AfterEach
  void stopServers() {
    releaseHangingHandlers.countDown();
    servers.forEach(server -> server.stop(0));
    handlers.shutdownNow();
  }

  @Test
  void answersWithTheTrimmedAddressOfTheFirstEndpoint() throws IOException {
    var lookup = new PublicIpLookup(List.of(answering(200, "203.0.113.7\n")), TIMEOUT);

    assertThat(lookup.lookup()).succeedsWithin(TIMEOUT).isEqualTo(Optional.of("203.0.113.7"));
  }

  @Test
  void acceptsAnIpv6AnswerAndReturnsItNormalized() throws IOException {
    var lookup = new PublicIpLookup(List.of(answering(200, " 2001:DB8::7\r\n")), TIMEOUT);

    assertThat(lookup.lookup())
        .succeedsWithin(TIMEOUT)
        .isEqualTo(Optional.of("2001:db8:0:0:0:0:0:7"));
  }

  @Test
  void fallsBackToTheNextEndpointWhenOneHangsPastItsShareOfTheTimeout() throws IOException {
    var lookup = new PublicIpLookup(List.of(hanging(), answering(200, "198.51.100.2")), TIMEOUT);

    assertThat(lookup.lookup())
        .succeedsWithin(TIMEOUT.plus(SLACK))
        .isEqualTo(Optional.of("198.51.100.2"));
  }

  @Test
  void skipsAnEndpointThatAnswersWithSomethingOtherThanAnAddress() throws IOException {
    var garbage = answering(200, "<html><body>Your IP is 192.0.2.1</body></html>");
    var lookup = new PublicIpLookup(List.of(garbage, answering(200, "203.0.113.7")), TIMEOUT);

    assertThat(lookup.lookup()).succeedsWithin(TIMEOUT).isEqualTo(Optional.of("203.0.113.7"));
  }

  @Test
  void skipsAnEndpointThatAnswersWithAnErrorStatus() throws IOException {
    var failing = answering(503, "192.0.2.1");
    var lookup = new PublicIpLookup(List.of(failing, answering(200, "203.0.113.7")), TIMEOUT);

    assertThat(lookup.lookup()).succeedsWithin(TIMEOUT).isEqualTo(Optional.of("203.0.113.7"));
  }

  @Test
  void skipsAnAnswerLongerThanTheReadLimit() throws IOException {
    var oversized = answering(200, "192.0.2.1" + " ".repeat(10_000));
    var lookup = new PublicIpLookup(List.of(oversized, answering(200, "203.0.113.7")), TIMEOUT);

    assertThat(lookup.lookup()).succeedsWithin(TIMEOUT).isEqualTo(Optional.of("203.0.113.7"));
  }

  @Test
  void answersEmptyWhenNoEndpointIsReachable() throws IOException {
    var lookup = new PublicIpLookup(List.of(nothingListening(), nothingListening()), TIMEOUT);

    assertThat(lookup.lookup()).succeedsWithin(TIMEOUT.plus(SLACK)).isEqualTo(Optional.empty());
  }

  @Test
  void returnsAtOnceAndAnswersEmptyWhenEveryEndpointHangsPastTheDeadline() throws IOException {
    var lookup = new PublicIpLookup(List.of(hanging(), hanging()), TIMEOUT);

    CompletableFuture<Optional<String>> result = lookup.lookup();

    assertThat(result).isNotDone();
    assertThat(result).succeedsWithin(TIMEOUT.plus(SLACK)).isEqualTo(Optional.empty());
  }

  @Test
  void recognisesAddressLiteralsWithoutResolvingNames() {
    assertThat(PublicIpLookup.normalizedIp("0.0.0.0")).contains("0.0.0.0");
    assertThat(PublicIpLookup.normalizedIp("255.255.255.255")).contains("255.255.255.255");
    assertThat(PublicIpLookup.normalizedIp("::1")).contains("0:0:0:0:0:0:0:1");
    assertThat(PublicIpLookup.normalizedIp("::ffff:203.0.113.7")).contains("203.0.113.7");
    List.of(
            "",
            "localhost",
            "deadbeef.cafe",
            "256.1.1.1",
            "01.2.3.4",
            "1.2.3",
            "1.2.3.4.5",
            "2001:db8::g",
            "1:2:3:4:5:6:7:8:9",
            ":::",
            "fe80::1%eth0",
            "[::1]")
        .forEach(text -> assertThat(PublicIpLookup.normalizedIp(text)).as(text).isEmpty());
  }

  @Test
  void parseEndpointsAcceptsAbsoluteHttpAndHttpsUrisAndSkipsBlankEntries() {
    assertThat(PublicIpLookup.parseEndpoints(" https://a.example/ip , http://b.example:8080,,"))
        .containsExactly(URI.create("https://a.example/ip"), URI.create("http://b.example:8080"));
    assertThat(PublicIpLookup.parseEndpoints(PublicIpLookup.DEFAULT_ENDPOINTS)).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://a.example/ip", "a.example", "/ip", "https://", "http://a b/"})
  void parseEndpointsRejectsEntriesThatAreNotAbsoluteHttpUris(String entry) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PublicIpLookup.parseEndpoints("https://ok.example," + entry))
        .withMessageContaining("perseus.public-ip.endpoints")
        .withMessageContaining(entry);
  }

  private URI answering(int status, String body) throws IOException {
    return serve(exchange -> reply(exchange, status, body));
  }

  private URI hanging() throws IOException {
    return serve(
        exchange -> {
          try {
            releaseHangingHandlers.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
  }

  private URI serve(HttpHandler handler) throws IOException {
    var loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
    HttpServer server = HttpServer.create(loopback, 0);
    server.createContext("/", handler);
    server.setExecutor(handlers);
    server.start();
    servers.add(server);
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** A port that was free a moment ago; nothing listens on it, so connecting is refused. */
  private static URI nothingListening() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
