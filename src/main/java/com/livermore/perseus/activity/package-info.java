/**
 * The network activity log: event types, the activity entry, and writing to the per-exchange
 * Redis stream {@code logs:network:{exchange}} with inline trimming. Depends on config; the
 * registry scripts embed the same entries so that a record and its event are written together.
 */
package com.livermore.perseus.activity;
