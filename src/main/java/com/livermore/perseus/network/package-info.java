/**
 * The one read service that the REST API and the console share: the whole network read by the
 * store's read plan, assembled into statuses with liveness computed on the server, corrupt records
 * flagged, and the watcher that notices changes (and deaths) when they happen. It only reads.
 * Depends on the stores, the domain and config.
 */
package com.livermore.perseus.network;
