/**
 * Webhook notifications (Discord, Slack, generic JSON) about state changes, deaths, takeovers and
 * conflicts: the {@code perseus.notify.*} section, the format-independent {@link
 * com.livermore.perseus.notify.Notification}, the payload builders, the asynchronous notifier with
 * its bounded queue and retries on the container's managed threads, so a slow webhook never delays
 * a heartbeat, and the death records (one {@code lease_expired} entry, and one {@code dead}
 * notification, per death network-wide). Webhook URLs are secrets: nothing here logs or reports
 * one.
 */
package com.livermore.perseus.notify;
