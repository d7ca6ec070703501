package com.livermore.perseus.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The checker on handmade histories: each rule catches what it names, and excuses only that. */
class HistoryCheckerTest {
  static final long MS = 1_000_000;
  // TTL 1 s, interval 200 ms, warm-up 100 ms: an ownerless gap may last 1.5 s.
  final HistoryChecker checker =
      new HistoryChecker(
          Duration.ofSeconds(1),
          Duration.ofMillis(200),
          Duration.ofMillis(100),
          Duration.ofSeconds(2),
          Duration.ofMillis(500));

  static History.Start start(String i, long epoch, long atMs) {
    return new History.Start(i, "x", epoch, atMs * MS);
  }

  static History.Action act(String i, long epoch, long atMs, boolean accepted) {
    return new History.Action(i, "x", epoch, atMs * MS, accepted);
  }

  static History history(Object... events) {
    History h = new History();
    for (Object e : events) {
      if (e instanceof History.Start s) h.started(s.instance(), s.exchange(), s.epoch(), s.at());
      if (e instanceof History.Action a)
        h.acted(a.instance(), a.exchange(), a.epoch(), a.at(), a.accepted());
      if (e instanceof History.Fault f) h.fault(f);
    }
    return h;
  }

  HistoryChecker.Report check(History h, long endMs) {
    return checker.check(h, 0, endMs * MS);
  }

  @Test
  void aCleanHandoverIsValid() {
    History h =
        history(
            start("a", 1, 0),
            act("a", 1, 100, true),
            act("a", 1, 900, true),
            start("b", 2, 1500),
            act("b", 2, 1700, true),
            act("b", 2, 2000, true));
    HistoryChecker.Report r = check(h, 2100);
    assertThat(r.violations()).isEmpty();
    assertThat(r.figures())
        .containsEntry("takeovers", 1L)
        .containsEntry("longestOwnerlessGapMs", 800L);
  }

  @Test
  void aHealthyOwnerActingAfterANewerOwnerStartedIsTwoOwners() {
    History h =
        history(
            start("a", 1, 0),
            act("a", 1, 100, true),
            start("b", 2, 500),
            act("a", 1, 600, true),
            act("b", 2, 700, true));
    assertThat(check(h, 800).violations())
        .singleElement()
        .asString()
        .contains("a acted as owner under epoch 1 100 ms after b had started work under epoch 2");
  }

  @Test
  void aPausedOwnerWakingUpIsFencedAndCountedNotJudged() {
    History h =
        history(
            start("a", 1, 0),
            act("a", 1, 100, true),
            new History.Fault("owner paused", "a", 150 * MS, 1500 * MS, false, false),
            start("b", 2, 1300),
            act("b", 2, 1400, true),
            act("a", 1, 1501, false));
    HistoryChecker.Report r = check(h, 1600);
    assertThat(r.violations()).isEmpty();
    assertThat(r.figures())
        .containsEntry("staleActionsAfterAPause", 1L)
        .containsEntry("staleActionsRefusedByFencing", 1L);
  }

  @Test
  void anEpochIssuedTwiceOrGoingBackIsCaught() {
    assertThat(
            check(history(start("a", 3, 0), act("a", 3, 10, true), start("b", 3, 20)), 30)
                .violations())
        .anySatisfy(v -> assertThat(v).contains("epoch 3 was issued twice (a and b)"));
    assertThat(
            check(history(start("a", 3, 0), act("a", 3, 10, true), start("b", 2, 20)), 30)
                .violations())
        .anySatisfy(v -> assertThat(v).contains("the epoch went back from 3 (a) to 2 (b)"));
  }

  @Test
  void anActionAcceptedFromASupersededEpochIsCaught() {
    History h = history(act("b", 2, 10, true), act("a", 1, 20, true));
    assertThat(check(h, 30).violations())
        .anySatisfy(v -> assertThat(v).contains("an action of epoch 1 was accepted after epoch 2"));
  }

  @Test
  void aLongGapIsCaughtUnlessARedisFaultExplainsIt() {
    History gap = history(act("a", 1, 0, true), act("b", 2, 1600, true));
    assertThat(check(gap, 1700).violations())
        .singleElement()
        .asString()
        .contains("no owner acted for 1600 ms (limit 1500 ms)");

    History explained =
        history(
            act("a", 1, 0, true),
            new History.Fault("master killed", null, 100 * MS, 3000 * MS, true, false),
            act("b", 2, 5200, true));
    assertThat(check(explained, 5300).violations()).isEmpty();

    History tail = history(act("a", 1, 0, true));
    assertThat(check(tail, 2000).violations()).singleElement().asString().contains("2000 ms");
  }
}
