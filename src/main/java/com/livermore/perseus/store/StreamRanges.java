package com.livermore.perseus.store;

import com.livermore.perseus.activity.StreamId;
import com.livermore.perseus.activity.StreamSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The activity reader's ranged reads: one {@code XREVRANGE} per stream (never a multi-key {@code
 * XREAD}, whose keys would span slots in Redis Cluster), all of a round in one pipelined batch, so
 * a round costs one round trip per Redis node.
 */
public class StreamRanges implements StreamSource {
  private final RedissonClient redisson;
  private final Keys keys;

  public StreamRanges(RedissonClient redisson, Keys keys) {
    this.redisson = redisson;
    this.keys = keys;
  }

  @Override
  public List<Answer> fetch(List<Range> ranges) {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    List<RFuture<Map<StreamMessageId, Map<String, String>>>> replies =
        new ArrayList<>(ranges.size());
    for (Range range : ranges) {
      replies.add(
          batch
              .<String, String>getStream(keys.activity(range.exchange()), StringCodec.INSTANCE)
              .rangeReversedAsync(args(range)));
    }
    try {
      batch.execute();
    } catch (RedisException e) {
      if (!RedisFailures.isWrongType(e)) throw e;
      // Some key holds something other than a stream: read one by one and flag just that one.
      return fetchEach(ranges);
    }
    List<Answer> answers = new ArrayList<>(ranges.size());
    for (RFuture<Map<StreamMessageId, Map<String, String>>> reply : replies) {
      answers.add(answer(reply.toCompletableFuture().join()));
    }
    return answers;
  }

  @Override
  public Map<String, Long> lengths(List<String> exchanges) {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    List<RFuture<Long>> replies = new ArrayList<>(exchanges.size());
    for (String exchange : exchanges) {
      replies.add(batch.getStream(keys.activity(exchange), StringCodec.INSTANCE).sizeAsync());
    }
    try {
      batch.execute();
    } catch (RedisException e) {
      if (!RedisFailures.isWrongType(e)) throw e;
    }
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < exchanges.size(); i++) {
      try {
        out.put(exchanges.get(i), replies.get(i).toCompletableFuture().join());
      } catch (RuntimeException e) {
        if (!RedisFailures.isWrongType(e)) throw e;
      }
    }
    return out;
  }

  private List<Answer> fetchEach(List<Range> ranges) {
    List<Answer> answers = new ArrayList<>(ranges.size());
    for (Range range : ranges) {
      String key = keys.activity(range.exchange());
      try {
        answers.add(
            answer(
                redisson
                    .<String, String>getStream(key, StringCodec.INSTANCE)
                    .rangeReversed(args(range))));
      } catch (RedisException e) {
        if (!RedisFailures.isWrongType(e)) throw e;
        answers.add(
            Answer.unreadable(
                key + " is not a stream (WRONGTYPE): another program stored something else there"));
      }
    }
    return answers;
  }

  private static Answer answer(Map<StreamMessageId, Map<String, String>> reply) {
    List<Entry> entries = new ArrayList<>(reply.size());
    reply.forEach(
        (id, fields) -> entries.add(new Entry(new StreamId(id.getId0(), id.getId1()), fields)));
    return Answer.of(entries);
  }

  /** {@code XREVRANGE key <upper or (upper> <lowest or -> COUNT n}. */
  private static StreamRangeArgs args(Range range) {
    StreamMessageId high = range.upper() == null ? StreamMessageId.MAX : messageId(range.upper());
    StreamMessageId low = range.lowest() == null ? StreamMessageId.MIN : messageId(range.lowest());
    var start =
        range.upperInclusive()
            ? StreamRangeArgs.startId(high)
            : StreamRangeArgs.startIdExclusive(high);
    return start.endId(low).count(range.count());
  }

  private static StreamMessageId messageId(StreamId id) {
    return new StreamMessageId(id.ms(), id.seq());
  }
}
