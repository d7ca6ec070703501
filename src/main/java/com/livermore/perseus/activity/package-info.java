/**
 * The network activity log: event types, the activity entry, writing to the per-exchange Redis
 * stream {@code logs:network:{exchange}} (capped on every write, trimmed by age once a minute) with
 * error throttling, and the reader that merges several exchanges' streams newest first with an
 * opaque, stable paging cursor. Depends on config; the registry scripts embed the same entries so
 * that a record and its event are written together.
 */
package com.livermore.perseus.activity;
