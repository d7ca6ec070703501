/**
 * The network activity log's values and pure logic: event types, the activity entry, error
 * throttling, stream ids, and the reader that merges several exchanges' streams newest first with
 * an opaque, stable paging cursor, fetching through the {@link
 * com.livermore.perseus.activity.StreamSource} port (implemented in {@code store}). Depends on
 * config and time; no Redis client.
 */
package com.livermore.perseus.activity;
