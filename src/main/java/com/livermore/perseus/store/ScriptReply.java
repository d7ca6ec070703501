package com.livermore.perseus.store;

/**
 * The one reply shape of every lease script (written by {@code reply} in {@code prelude.lua}): a
 * status word, and after a ':' the payload when there is one: {@code ok}, {@code ok:7}, {@code
 * held:<record>}, {@code gone:<counter>}, {@code stopped:<intent>}, {@code held-back}.
 */
record ScriptReply(String status, String payload) {

  static ScriptReply parse(String script, String reply) {
    if (reply == null || reply.isEmpty()) {
      throw new IllegalStateException(script + " answered nothing");
    }
    int colon = reply.indexOf(':');
    return colon < 0
        ? new ScriptReply(reply, null)
        : new ScriptReply(reply.substring(0, colon), reply.substring(colon + 1));
  }

  boolean is(String word) {
    return status.equals(word);
  }

  long epoch() {
    return Long.parseLong(payload);
  }

  IllegalStateException unexpected(String script) {
    return new IllegalStateException(
        script + " answered an unknown reply: " + status + (payload == null ? "" : ":…"));
  }
}
