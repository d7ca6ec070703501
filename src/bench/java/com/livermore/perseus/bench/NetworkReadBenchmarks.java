package com.livermore.perseus.bench;

import com.livermore.perseus.network.LivenessRule;
import com.livermore.perseus.network.NetworkReader;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.store.NetworkReads;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The read service behind {@code GET /api/network/instances} and the console cards, reading a
 * network of live exchanges, against one pipelined batch of plain GETs of the same record keys
 * ({@code :instance} and {@code :last} of every exchange).
 *
 * <p>Each size's network and reader are made once per JVM: a row alternates many short trials of
 * the same paths, and the reader keeps what it learnt between them as it does in a server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NetworkReadBenchmarks {
  @Param({"100", "1000", "10000"})
  public int exchanges;

  private static final Map<Integer, Network> NETWORKS = new HashMap<>();

  private RedissonClient redisson;
  private Network network;

  /** A seeded network, the reader that reads it, and its record keys for the baseline. */
  private record Network(NetworkReader reader, List<String> recordKeys) {}

  @Setup
  public void setUp() {
    redisson = BenchRedis.client();
    network = NETWORKS.computeIfAbsent(exchanges, this::seed);
  }

  private Network seed(int size) {
    Keys keys = new Keys("network-" + size + ":");
    List<String> ids = Fixtures.seedNetwork(redisson, keys, size, Duration.ofHours(1));
    NetworkReader reader =
        new NetworkReader(
            new NetworkReads(redisson, keys, false),
            new LivenessRule(Duration.ofSeconds(15)),
            Clock.systemUTC());
    List<String> recordKeys = new ArrayList<>(2 * ids.size());
    for (String id : ids) {
      recordKeys.add(keys.instance(id));
      recordKeys.add(keys.last(id));
    }
    return new Network(reader, recordKeys);
  }

  @Benchmark
  public NetworkSnapshot read() {
    return network.reader().read();
  }

  @Benchmark
  public BatchResult<?> readBaselinePipelinedGet() {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    for (String key : network.recordKeys()) {
      batch.<String>getBucket(key, StringCodec.INSTANCE).getAsync();
    }
    return batch.execute();
  }
}
