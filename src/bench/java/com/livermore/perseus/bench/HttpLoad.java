package com.livermore.perseus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A closed-loop HTTP load: {@code clients} threads, each sending its next request as soon as the
 * previous one was answered, for a fixed time. Every latency is recorded; answers other than 200
 * are counted (and not in the throughput), a failed connection fails the run.
 */
final class HttpLoad {
  private final HttpClient http;
  private final int clients;

  HttpLoad(int clients) {
    this.clients = clients;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** What one run measured. */
  record Result(
      Latencies latencies, double requestsPerSecond, long bytesPerResponse, long errors) {}

  Result run(HttpRequest request, Duration duration) throws InterruptedException {
    List<Client> running = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < clients; i++) running.add(new Client(request, start));
    running.forEach(c -> c.thread.start());
    long begin = System.nanoTime();
    long deadline = begin + duration.toNanos();
    running.forEach(c -> c.deadline = deadline);
    start.countDown();
    Latencies all = new Latencies();
    long bytes = 0;
    long errors = 0;
    for (Client c : running) {
      c.thread.join();
      if (c.failure != null) throw c.failure;
      all.addAll(c.latencies);
      bytes = Math.max(bytes, c.lastBytes);
      errors += c.errors;
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    return new Result(all, all.count() / seconds, bytes, errors);
  }

  private final class Client implements Runnable {
    final Latencies latencies = new Latencies();
    final HttpRequest request;
    final CountDownLatch start;
    final Thread thread = new Thread(this, "http-load");
    volatile long deadline;
    volatile RuntimeException failure;
    volatile long lastBytes;
    volatile long errors;

    Client(HttpRequest request, CountDownLatch start) {
      this.request = request;
      this.start = start;
    }

    @Override
    public void run() {
      try {
        start.await();
        while (System.nanoTime() < deadline) {
          long sent = System.nanoTime();
          HttpResponse<byte[]> response =
              http.send(request, HttpResponse.BodyHandlers.ofByteArray());
          if (response.statusCode() != 200) {
            errors++;
            continue;
          }
          latencies.add(System.nanoTime() - sent);
          lastBytes = response.body().length;
        }
      } catch (IOException e) {
        failure = new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
  }
}
