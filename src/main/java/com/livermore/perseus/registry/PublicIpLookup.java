package com.livermore.perseus.registry;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Asks a fallback chain of "what is my IP" services for this instance's public address. The lookup
 * runs in the background so start-up never waits for it, and it never takes longer than the
 * configured timeout for all endpoints together.
 */
public final class PublicIpLookup {

  public static final String DEFAULT_ENDPOINTS =
      "https://checkip.amazonaws.com,https://api.ipify.org,https://icanhazip.com";

  private static final Logger LOG = Logger.getLogger(PublicIpLookup.class.getName());
  private static final int MAX_BODY_BYTES = 256;
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]{2,45}");

  private final List<URI> endpoints;
  private final Duration timeout;
  private final HttpClient client;

  public PublicIpLookup(List<URI> endpoints, Duration timeout) {
    this.endpoints = List.copyOf(endpoints);
    this.endpoints.forEach(uri -> requireHttp(uri.toString()));
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("The public IP lookup timeout must be positive.");
    }
    this.timeout = timeout;
    // Redirect.NEVER: these services answer directly; a redirect is treated as a failed endpoint.
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Parses the value of {@code perseus.public-ip.endpoints}; blank entries are skipped. */
  public static List<URI> parseEndpoints(String commaList) {
    return Arrays.stream(commaList.split(","))
        .map(String::strip)
        .filter(entry -> !entry.isEmpty())
        .map(PublicIpLookup::requireHttp)
        .toList();
  }

  /** Returns at once; completes with the first valid answer, or empty when none arrives in time. */
  public CompletableFuture<Optional<String>> lookup() {
    CompletableFuture<Optional<String>> result = new CompletableFuture<>();
    result.completeOnTimeout(Optional.empty(), timeout.toNanos(), TimeUnit.NANOSECONDS);
    attempt(0, System.nanoTime() + timeout.toNanos(), result);
    return result;
  }

  private void attempt(int index, long deadline, CompletableFuture<Optional<String>> result) {
    long remaining = deadline - System.nanoTime();
    if (result.isDone() || index >= endpoints.size() || remaining <= 0) {
      result.complete(Optional.empty());
      return;
    }
    URI endpoint = endpoints.get(index);
    // Each endpoint gets an equal share of the time left, so one hanging service cannot starve
    // the rest; the last one gets all of it.
    long budget = Math.max(1, remaining / (endpoints.size() - index));
    CompletableFuture<HttpResponse<String>> call;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(Duration.ofNanos(budget))
              .header("Accept", "text/plain")
              .GET()
              .build();
      // orTimeout as well: the request timeout alone does not bound connecting on every JDK.
      call =
          client
              .sendAsync(request, info -> new LimitedBody())
              .orTimeout(budget, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<HttpResponse<String>> pending = call;
    result.whenComplete((ip, ignored) -> pending.cancel(true));
    call.whenComplete(
        (response, failure) -> {
          if (result.isDone()) {
            LOG.fine(
                () ->
                    "Public IP lookup via "
                        + endpoint.getHost()
                        + " failed: no answer within "
                        + timeout.toMillis()
                        + " ms");
            return;
          }
          String reason =
              failure != null
                  ? describe(failure)
                  : response.statusCode() != 200
                      ? "HTTP status " + response.statusCode()
                      : response.body() == null
                          ? "answer longer than " + MAX_BODY_BYTES + " bytes"
                          : null;
          Optional<String> ip =
              reason == null ? normalizedIp(response.body().strip()) : Optional.empty();
          if (ip.isPresent()) {
            result.complete(ip);
          } else {
            String why = reason != null ? reason : "answer is not an IP address";
            LOG.fine(() -> "Public IP lookup via " + endpoint.getHost() + " failed: " + why);
            attempt(index + 1, deadline, result);
          }
        });
  }

  /** The normalized IPv4 or IPv6 literal (Java's canonical form), parsed without any DNS query. */
  static Optional<String> normalizedIp(String text) {
    if (IPV4.matcher(text).matches()) {
      return Optional.of(text);
    }
    if (!IPV6_CHARS.matcher(text).matches() || text.indexOf(':') < 0) {
      return Optional.empty();
    }
    try {
      // Given a ':' and only hex digits, dots and colons, InetAddress parses and never resolves.
      return Optional.of(InetAddress.getByName(text).getHostAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static String describe(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
      return "timed out";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message != null ? " (" + message + ")" : "");
  }

  private static URI requireHttp(String entry) {
    URISyntaxException syntaxError = null;
    try {
      URI uri = new URI(entry);
      String scheme = uri.getScheme();
      if (uri.getHost() != null
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        return uri;
      }
    } catch (URISyntaxException e) {
      syntaxError = e;
    }
    throw new IllegalArgumentException(
        "perseus.public-ip.endpoints entry '" + entry + "' is not an absolute http or https URI.",
        syntaxError);
  }

  /** Keeps at most MAX_BODY_BYTES of the body; completes with null when the answer is longer. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<String> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        while (buffer.hasRemaining() && bytes.size() <= MAX_BODY_BYTES) {
          bytes.write(buffer.get());
        }
      }
      if (bytes.size() > MAX_BODY_BYTES) {
        subscription.cancel();
        body.complete(null);
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable failure) {
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toString(StandardCharsets.ISO_8859_1));
    }
  }
}
