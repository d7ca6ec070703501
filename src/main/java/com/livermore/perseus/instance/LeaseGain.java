package com.livermore.perseus.instance;

/** How the keeper gained a lease ({@link LeaseKeeper.Listener#gained}). */
enum LeaseGain {
  CLAIMED,
  /** A restart on the same node took over its own orphaned lease. */
  TOOK_OVER_OWN,
  /** Redis lost its data and the owner claimed again above its epoch: its work goes on. */
  RECLAIMED_AFTER_DATA_LOSS
}
