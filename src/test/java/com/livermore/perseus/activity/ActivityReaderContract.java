package com.livermore.perseus.activity;

import static com.livermore.perseus.testing.Streams.recordRefs;
import static com.livermore.perseus.testing.Streams.refs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.config.ActivitySettings;
import com.livermore.perseus.store.ActivityLog;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.store.StreamRanges;
import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.Streams;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The merged reader's guarantees, run against a single node and against a Redis Cluster by the
 * subclasses.
 */
abstract class ActivityReaderContract {
  static final List<String> FIVE = List.of("kraken", "binance", "okx", "coinbase", "bitstamp");

  Keys keys;
  Streams streams;
  ActivityReader reader;
  ActivityLog log;
  Random random;

  abstract RedisBackend backend();

  @BeforeEach
  void freshNamespace() {
    keys = new Keys("t" + UUID.randomUUID().toString().substring(0, 8) + ":");
    streams = new Streams(backend(), keys);
    reader = new ActivityReader(new StreamRanges(backend().redisson(), keys));
    log =
        new ActivityLog(
            backend().redisson(),
            keys,
            new ActivitySettings(Duration.ofDays(1), 100_000, Duration.ofSeconds(60)),
            Clock.systemUTC());
    random = new Random(20261124);
  }

  String anyOf(List<String> exchanges) {
    return exchanges.get(random.nextInt(exchanges.size()));
  }

  ActivityEntry entry(EventType type, String exchange) {
    return ActivityEntry.of(type, exchange, "i-" + exchange, 1, "host-" + exchange, Instant.now());
  }

  List<ActivityRecord> readAll(ActivityReader using, ActivityQuery query) {
    List<ActivityRecord> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ActivityPage page = using.read(query.after(cursor));
      all.addAll(page.entries());
      cursor = page.next();
      assertThat(++pages).as("pages").isLessThan(5_000);
    } while (cursor != null);
    return all;
  }

  /**
   * Ids at a handful of milliseconds, many equal across streams, then some written by the log
   * itself.
   */
  void writeInterleavedWithEqualIds() {
    long base = System.currentTimeMillis() - 60_000;
    for (int k = 0; k < 100; k++) {
      for (String x : FIVE) {
        Instant at = Instant.ofEpochMilli(base + k);
        if (random.nextInt(10) < 6)
          streams.xadd(x, (base + k) + "-0", Streams.fields(EventType.STATE_CHANGED, x, at));
        if (random.nextInt(10) < 3)
          streams.xadd(x, (base + k) + "-1", Streams.fields(EventType.COMMAND, x, at));
      }
    }
    for (int i = 0; i < 50; i++) log.append(entry(EventType.STATE_CHANGED, anyOf(FIVE)));
  }

  @Test
  void mergedPagesAreNewestFirstWithEqualIdsOrderedByExchange() {
    writeInterleavedWithEqualIds();
    List<Streams.Stored> expected = streams.merged(FIVE);
    Set<String> distinctIds = expected.stream().map(Streams.Stored::id).collect(Collectors.toSet());
    assertThat(distinctIds.size())
        .as("the data has ids shared by several streams")
        .isLessThan(expected.size() - 50);

    List<ActivityRecord> paged = readAll(reader, ActivityQuery.newest(FIVE, 7));
    ActivityPage first = reader.read(ActivityQuery.newest(FIVE, 50));

    assertThat(recordRefs(paged)).containsExactlyElementsOf(refs(expected));
    assertThat(recordRefs(first.entries()))
        .containsExactlyElementsOf(refs(expected.subList(0, 50)));
    assertThat(paged)
        .allSatisfy(
            r -> {
              assertThat(r.readable()).isTrue();
              assertThat(r.entry().exchange()).isEqualTo(r.exchange());
            });
  }

  @Test
  void pagingThroughAThousandEntriesWhileAHundredMoreArriveYieldsEachOriginalExactlyOnce() {
    for (int i = 0; i < 1_000; i++)
      log.append(entry(EventType.values()[i % EventType.values().length], anyOf(FIVE)));
    List<String> originals = refs(streams.merged(FIVE));
    long newest = streams.merged(FIVE).get(0).ms();
    // New entries must be newer than every original, as the servers' clocks make them in
    // production.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> FIVE.stream().allMatch(x -> streams.serverMillis(x) > newest));

    List<String> seen = new ArrayList<>();
    Set<String> written = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      ActivityPage page = reader.read(new ActivityQuery(FIVE, Set.of(), null, cursor, 37));
      seen.addAll(recordRefs(page.entries()));
      cursor = page.next();
      pages++;
      for (int j = 0; j < 4 && written.size() < 100; j++) {
        String x = anyOf(FIVE);
        written.add(x + "@" + log.append(entry(EventType.ERROR, x)));
      }
    } while (cursor != null);

    assertThat(written).hasSize(100);
    assertThat(pages).isEqualTo(28);
    assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(originals);
    assertThat(Set.copyOf(recordRefs(reader.read(ActivityQuery.newest(FIVE, 100)).entries())))
        .as("the newest page is exactly the entries written while paging")
        .isEqualTo(written);
  }

  @Test
  void aTypeFilterKeepsTheMergedOrderOverSeveralRounds() {
    for (int i = 0; i < 1_000; i++) {
      EventType type =
          i % 23 == 0
              ? EventType.ERROR
              : i % 41 == 0 ? EventType.LEASE_LOST : EventType.STATE_CHANGED;
      log.append(entry(type, anyOf(FIVE)));
    }
    Set<String> wanted = Set.of("error", "lease_lost");
    List<Streams.Stored> expected =
        streams.merged(FIVE).stream().filter(s -> wanted.contains(s.fields().get("type"))).toList();
    ActivityQuery query =
        new ActivityQuery(FIVE, Set.of(EventType.ERROR, EventType.LEASE_LOST), null, null, 20);

    ActivityPage first = reader.read(query);
    List<ActivityRecord> all = readAll(reader, query);

    assertThat(expected).hasSizeGreaterThan(60);
    assertThat(recordRefs(first.entries()))
        .containsExactlyElementsOf(refs(expected.subList(0, 20)));
    assertThat(first.next()).isNotNull();
    assertThat(recordRefs(all)).containsExactlyElementsOf(refs(expected));
  }

  @Test
  void aRareTypeEndsAShortPageAtTheScanBudgetAndTheCursorCarriesOn() {
    streams.xadd("okx", "*", Streams.fields(EventType.TAKEOVER, "okx", Instant.now()));
    for (int i = 0; i < 600; i++) log.append(entry(EventType.STATE_CHANGED, anyOf(FIVE)));
    ActivityReader frugal =
        new ActivityReader(new StreamRanges(backend().redisson(), keys), new ScanBudget(2, 100));
    ActivityQuery query = new ActivityQuery(FIVE, Set.of(EventType.TAKEOVER), null, null, 10);

    ActivityPage first = frugal.read(query);
    List<ActivityRecord> all = readAll(frugal, query);

    assertThat(first.entries()).isEmpty();
    assertThat(first.next()).isNotNull();
    assertThat(all)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.exchange()).isEqualTo("okx");
              assertThat(r.entry().type()).isEqualTo(EventType.TAKEOVER);
            });
  }

  @Test
  void theSameNewestPageAgainSeesNewEntriesAndSurvivesTrimmingBelowItsLastFloor() {
    writeInterleavedWithEqualIds();
    ActivityQuery newest = ActivityQuery.newest(FIVE, 20);
    ActivityPage first = reader.read(newest);
    assertThat(recordRefs(first.entries()))
        .containsExactlyElementsOf(refs(streams.merged(FIVE)).subList(0, 20));

    for (int i = 0; i < 7; i++) log.append(entry(EventType.COMMAND, anyOf(FIVE)));
    ActivityPage again = reader.read(newest);
    assertThat(recordRefs(again.entries()))
        .containsExactlyElementsOf(refs(streams.merged(FIVE)).subList(0, 20));
    assertThat(readAll(reader, newest)).hasSize(streams.merged(FIVE).size());

    for (String x : FIVE) streams.xtrim(x, 2);
    ActivityPage trimmed = reader.read(newest);
    assertThat(recordRefs(trimmed.entries())).containsExactlyElementsOf(refs(streams.merged(FIVE)));
    assertThat(trimmed.entries()).hasSize(10);
  }

  @Test
  void onlyTheRequestedExchangesAreRead() {
    writeInterleavedWithEqualIds();
    List<String> two = List.of("okx", "binance");

    List<ActivityRecord> all = readAll(reader, ActivityQuery.newest(two, 11));

    assertThat(recordRefs(all)).containsExactlyElementsOf(refs(streams.merged(two)));
    assertThat(all).extracting(ActivityRecord::exchange).containsOnly("okx", "binance");
  }

  @Test
  void sinceIsAnInclusiveLowerBoundOnTheEntryTime() {
    long base = System.currentTimeMillis() - 60_000;
    for (int k = 0; k < 60; k++) {
      for (String x : FIVE)
        streams.xadd(
            x,
            (base + k) + "-0",
            Streams.fields(EventType.COMMAND, x, Instant.ofEpochMilli(base + k)));
    }
    Function<Instant, List<String>> readSince =
        since -> recordRefs(readAll(reader, new ActivityQuery(FIVE, Set.of(), since, null, 40)));
    List<Streams.Stored> all = streams.merged(FIVE);

    assertThat(readSince.apply(Instant.ofEpochMilli(base + 30)))
        .containsExactlyElementsOf(refs(all.stream().filter(s -> s.ms() >= base + 30).toList()))
        .hasSize(150);
    assertThat(readSince.apply(Instant.ofEpochMilli(base + 30).plusNanos(500_000))).hasSize(145);
    assertThat(readSince.apply(Instant.ofEpochMilli(base + 60))).isEmpty();
  }

  @Test
  void aCursorThisServerDidNotIssueIsRefusedWithAClearMessage() {
    for (int i = 0; i < 20; i++) log.append(entry(EventType.COMMAND, anyOf(FIVE)));
    String good = reader.read(ActivityQuery.newest(FIVE, 5)).next();
    char flipped = good.charAt(8) == 'A' ? 'B' : 'A';
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    List<String> bad =
        List.of(
            "this is not base64!",
            b64.encodeToString("garbage".getBytes(StandardCharsets.UTF_8)),
            b64.encodeToString("a9|1-0|okx|00000000".getBytes(StandardCharsets.UTF_8)),
            b64.encodeToString(
                "{\"id\":\"1-0\",\"exchange\":\"okx\"}".getBytes(StandardCharsets.UTF_8)),
            good.substring(0, 8) + flipped + good.substring(9),
            good.substring(0, good.length() / 2));

    for (String cursor : bad) {
      assertThatThrownBy(() -> reader.read(new ActivityQuery(FIVE, Set.of(), null, cursor, 5)))
          .as(cursor)
          .isExactlyInstanceOf(InvalidCursorException.class)
          .hasMessageContaining("cursor is not one this server issued")
          .hasNoCause();
    }
  }

  @Test
  void aMalformedOrForeignEntryIsFlaggedAndTheRestOfThePageIsIntact() {
    ActivityEntry before = entry(EventType.REGISTERED, "kraken");
    String beforeId = log.append(before);
    String foreign = streams.xadd("kraken", "*", "foo", "bar");
    String nonsense =
        streams.xadd(
            "okx",
            "*",
            "type",
            "nonsense",
            "exchange",
            "okx",
            "epoch",
            "1",
            "at",
            Instant.now().toString());
    String yesterday =
        streams.xadd(
            "binance",
            "*",
            "type",
            "error",
            "exchange",
            "binance",
            "epoch",
            "1",
            "at",
            "yesterday");
    ActivityEntry after = entry(EventType.STATE_CHANGED, "okx").withStates("idle", "starting");
    String afterId = log.append(after);

    List<ActivityRecord> page = reader.read(ActivityQuery.newest(FIVE, 10)).entries();
    // Ids written in the same millisecond to different streams may be equal: key by exchange and
    // id.
    Map<String, ActivityRecord> byRef =
        page.stream().collect(Collectors.toMap(r -> r.exchange() + "@" + r.id(), r -> r));

    assertThat(recordRefs(page)).containsExactlyElementsOf(refs(streams.merged(FIVE))).hasSize(5);
    assertThat(byRef.get("okx@" + afterId))
        .isEqualTo(ActivityRecord.readable(afterId, "okx", after));
    assertThat(byRef.get("kraken@" + beforeId))
        .isEqualTo(ActivityRecord.readable(beforeId, "kraken", before));
    assertThat(byRef.get("kraken@" + foreign))
        .satisfies(
            r -> {
              assertThat(r.readable()).isFalse();
              assertThat(r.entry()).isNull();
              assertThat(r.problem()).isEqualTo("missing field 'type'");
              assertThat(r.rawFields()).containsExactlyEntriesOf(Map.of("foo", "bar"));
            });
    assertThat(byRef.get("okx@" + nonsense).problem()).isEqualTo("unknown type 'nonsense'");
    assertThat(byRef.get("binance@" + yesterday).problem())
        .isEqualTo("at is not an ISO-8601 time: 'yesterday'");
    assertThat(
            reader.read(new ActivityQuery(FIVE, Set.of(EventType.ERROR), null, null, 10)).entries())
        .as("an unreadable entry is still found by its raw type")
        .extracting(ActivityRecord::exchange, ActivityRecord::id)
        .containsExactly(tuple("binance", yesterday));
  }

  @Test
  void aStreamKeyHoldingSomethingElseIsFlaggedOnceAndTheOtherStreamsStillAnswer() {
    String good = log.append(entry(EventType.REGISTERED, "kraken"));
    String key = keys.activity("okx");
    try (Resp r = backend().connectFor(key)) {
      r.call("SET", key, "not a stream");
    }

    ActivityPage page = reader.read(ActivityQuery.newest(FIVE, 10));

    assertThat(page.entries()).hasSize(2);
    assertThat(page.entries().get(0).id()).isEqualTo(good);
    ActivityRecord flagged = page.entries().get(1);
    assertThat(flagged.exchange()).isEqualTo("okx");
    assertThat(flagged.readable()).isFalse();
    assertThat(flagged.problem()).contains("is not a stream (WRONGTYPE)");
    assertThat(page.next()).isNull();
  }

  @Test
  void missingStreamsGiveAnEmptyPageWithoutNext() {
    ActivityPage none = reader.read(ActivityQuery.newest(List.of("never-written", "nor-this"), 10));
    ActivityPage noExchanges = reader.read(ActivityQuery.newest(List.of(), 10));

    assertThat(none.entries()).isEmpty();
    assertThat(none.next()).isNull();
    assertThat(noExchanges.entries()).isEmpty();
    assertThat(noExchanges.next()).isNull();
  }

  @Test
  void nextIsNullExactlyWhenNothingOlderIsLeft() {
    for (int i = 0; i < 3; i++) log.append(entry(EventType.COMMAND, "kraken"));
    List<String> exchanges = List.of("kraken", "okx");

    ActivityPage exact = reader.read(ActivityQuery.newest(exchanges, 3));
    ActivityPage shorter = reader.read(ActivityQuery.newest(exchanges, 2));
    ActivityPage rest = reader.read(ActivityQuery.newest(exchanges, 2).after(shorter.next()));

    assertThat(exact.entries()).hasSize(3);
    assertThat(exact.next()).isNull();
    assertThat(shorter.next()).isNotNull();
    assertThat(rest.entries()).hasSize(1);
    assertThat(rest.next()).isNull();
  }

  @Test
  void onePageOverTenExchangesIsOneXrevrangePerExchange() {
    List<String> ten = IntStream.range(0, 10).mapToObj(i -> "venue" + i).toList();
    for (String x : ten) {
      for (int i = 0; i < 30; i++)
        streams.xadd(x, "*", Streams.fields(EventType.COMMAND, x, Instant.now()));
    }
    long before = streams.xrevrangeCalls();

    ActivityPage page = reader.read(ActivityQuery.newest(ten, 50));

    assertThat(page.entries()).hasSize(50);
    assertThat(page.next()).isNotNull();
    assertThat(streams.xrevrangeCalls() - before).isEqualTo(10);
  }
}
