/**
 * Webhook notifications (Discord, Slack, generic JSON) about state changes, deaths, takeovers and
 * conflicts: the settings and their parser, the format-independent {@link
 * com.livermore.perseus.notify.Notification}, the payload builders, and the asynchronous notifier
 * with its bounded queue and retries, so a slow webhook never delays a heartbeat. Plain Java with
 * no container annotations; depends only on {@code activity} (event types) and {@code config}.
 * Webhook URLs are secrets: nothing here logs or reports one.
 */
package com.livermore.perseus.notify;
