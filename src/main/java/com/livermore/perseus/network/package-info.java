/**
 * The one read service that the REST API and the console share: the whole network in one pipelined
 * batch, liveness computed on the server, corrupt records flagged, and the watcher that notices
 * changes (and deaths) when they happen. Depends on registry, activity and config.
 */
package com.livermore.perseus.network;
