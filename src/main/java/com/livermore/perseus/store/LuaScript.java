package com.livermore.perseus.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisNoScriptException;
import org.redisson.client.codec.StringCodec;

/**
 * A Lua script loaded once from {@code src/main/resources/lua/}, behind the shared {@code
 * prelude.lua} (the ownership check, the activity append and the one reply shape), with the SHA-1
 * of the whole text, run by {@code EVALSHA}.
 */
record LuaScript(String name, String source, String sha) {
  private static final String PRELUDE = read("prelude.lua");

  static LuaScript load(String name) {
    String source = PRELUDE + "\n" + read(name);
    return new LuaScript(name, source, sha1(source));
  }

  private static String read(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Lua script /lua/" + name + " is missing from the WAR.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the script with string keys and arguments on the node that owns {@code keys}' slot.
   *
   * <p>It goes straight to {@code EVALSHA} with the SHA computed at load. Only when that node does
   * not know the script ({@code NOSCRIPT}: after a restart or failover, or on a new cluster node)
   * does it go through Redisson's {@code eval}, which loads the script and runs it again.
   * Redisson's own script cache copies every argument and looks the SHA up on each call. On the
   * heartbeat, that costs about 5% of a Redis round trip here.
   */
  <R> CompletableFuture<R> callAsync(
      RedissonClient redisson, RScript.ReturnType returnType, List<Object> keys, Object... args) {
    RScript script = redisson.getScript(StringCodec.INSTANCE);
    String routing = (String) keys.get(0);
    return script
        .<R>evalShaAsync(routing, RScript.Mode.READ_WRITE, sha, returnType, keys, args)
        .toCompletableFuture()
        .exceptionallyCompose(
            e ->
                unwrap(e) instanceof RedisNoScriptException
                    ? script
                        .<R>evalAsync(
                            routing, RScript.Mode.READ_WRITE, source, returnType, keys, args)
                        .toCompletableFuture()
                    : CompletableFuture.failedFuture(e));
  }

  /** {@link #callAsync}, waiting for the reply; Redis errors are thrown as they are. */
  <R> R call(
      RedissonClient redisson, RScript.ReturnType returnType, List<Object> keys, Object... args) {
    return Replies.join(this.<R>callAsync(redisson, returnType, keys, args));
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  private static String sha1(String source) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }
}
