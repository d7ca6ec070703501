/**
 * Timestamps as Perseus writes them in Redis (ISO-8601 UTC, {@code Instant#toString}), read back
 * fast. Depends on nothing; the registry (owner records) and the activity log (stream entries) both
 * use it.
 */
package com.livermore.perseus.time;
