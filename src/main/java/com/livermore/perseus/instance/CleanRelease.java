package com.livermore.perseus.instance;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.store.LeaseStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Compare-and-delete of the keeper's lease on a clean stop (a handoff command, or shutdown): the
 * final record, the {@code walk} to stopped and the {@code deregistered} entry saying why, and,
 * with a {@code notice}, the standbys told, all in one step ({@link LeaseStore#releaseForHandoff}),
 * so a standby hears of the free lease the moment it is free. A clean release is not a loss: it
 * starts no lock-delay.
 */
final class CleanRelease {
  private static final Logger LOG =
      Logger.getLogger(ExchangeInstance.class.getName()); // the instance logs as one

  /** Built with the keeper, at deployment: it runs at undeploy, when no class may load any more. */
  CleanRelease() {}

  /** The standby named ("" for none; "id|host" when the release picked it), or empty. */
  Optional<String> run(
      LeaseKeeper keeper,
      LeaseStore store,
      InstanceEvents events,
      Clock clock,
      LeaseKeeper.Records records,
      String why,
      List<ActivityEntry> walk,
      String notice,
      String to) {
    Lease held = keeper.current();
    if (held == null) return Optional.empty();
    Instant now = clock.instant();
    ActivityEntry bye =
        events
            .entry(EventType.DEREGISTERED, held.epoch(), now)
            .withMessage("released " + held.exchange() + " " + why);
    List<ActivityEntry> entries = new ArrayList<>(walk);
    entries.add(bye);
    Optional<String> named =
        store.releaseForHandoff(
            held, records.at(held, now), events.retention(), entries, notice, to, now);
    named.ifPresent(
        n -> {
          walk.forEach(events::written);
          events.written(
              n.contains("|")
                  ? bye.withMessage(bye.message() + ", for a handoff to " + n.replace("|", " on "))
                  : bye);
        });
    keeper.released(held);
    LOG.info(
        () ->
            named.isPresent()
                ? "Released the lease on " + held.exchange() + " (epoch " + held.epoch() + ")."
                : "The lease on " + held.exchange() + " was no longer ours; nothing released.");
    return named;
  }
}
