package com.livermore.perseus.bench;

import com.livermore.perseus.network.LivenessRule;
import com.livermore.perseus.network.NetworkReader;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.registry.Keys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The read service behind {@code GET /api/network/instances} and the console cards, reading a
 * network of live exchanges, against one pipelined batch of plain GETs of the same record keys
 * ({@code :instance} and {@code :last} of every exchange).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class NetworkReadBenchmarks {
  @Param({"100", "1000", "10000"})
  public int exchanges;

  private RedissonClient redisson;
  private NetworkReader reader;
  private List<String> recordKeys;

  @Setup
  public void setUp() {
    redisson = BenchRedis.client();
    Keys keys = new Keys("network-" + exchanges + ":");
    List<String> ids = Fixtures.seedNetwork(redisson, keys, exchanges, Duration.ofHours(1));
    reader =
        new NetworkReader(
            redisson, keys, new LivenessRule(Duration.ofSeconds(15)), Clock.systemUTC(), false);
    recordKeys = new ArrayList<>(2 * ids.size());
    for (String id : ids) {
      recordKeys.add(keys.instance(id));
      recordKeys.add(keys.last(id));
    }
  }

  @Benchmark
  public NetworkSnapshot read() {
    return reader.read();
  }

  @Benchmark
  public BatchResult<?> readBaselinePipelinedGet() {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    for (String key : recordKeys) batch.<String>getBucket(key, StringCodec.INSTANCE).getAsync();
    return batch.execute();
  }
}
