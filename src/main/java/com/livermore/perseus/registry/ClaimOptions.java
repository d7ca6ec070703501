package com.livermore.perseus.registry;

/**
 * How a claim behaves beyond SET NX. {@code fastRestart}: take over this node's own orphaned lease
 * (same node name and host). {@code minimumEpoch}: the lowest fencing token acceptable, so the
 * epoch never goes back even when Redis lost its counter. {@code holdBackOnReset}: a standby that
 * has seen an epoch before waits when the counter is gone, giving the owners time to re-claim.
 */
public record ClaimOptions(boolean fastRestart, long minimumEpoch, boolean holdBackOnReset) {
  public static final ClaimOptions NORMAL = new ClaimOptions(false, 0, false);
}
