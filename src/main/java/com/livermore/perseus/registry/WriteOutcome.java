package com.livermore.perseus.registry;

/** What a guarded write of the owner record found. */
public sealed interface WriteOutcome {

  /** The record (and its entry, if any) was written and the TTL renewed. */
  record Written() implements WriteOutcome {}

  /** The lease is no longer ours: expired ({@code holderRaw} null) or held by another owner or epoch. */
  record Lost(String holderRaw) implements WriteOutcome {}
}
