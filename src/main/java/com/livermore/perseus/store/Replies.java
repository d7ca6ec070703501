package com.livermore.perseus.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for a reply sent asynchronously, failing as a call made in place would. */
public final class Replies {
  private Replies() {}

  /** The reply, with a Redis error thrown as it is rather than wrapped. */
  public static <T> T join(CompletableFuture<T> reply) {
    try {
      return reply.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) throw cause;
      throw e;
    }
  }
}
