package com.livermore.perseus.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny synchronous RESP2 client, so tests can inspect Redis without going through the code under
 * test. Replies map to {@code String} (simple and bulk strings), {@code Long}, {@code List<Object>}
 * or {@code null}; error replies throw {@link RespException}.
 *
 * <p>After a timeout the connection is out of step with the server (the late reply is still in
 * flight), so open a new one rather than reusing it.
 */
public final class Resp implements AutoCloseable {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final String host;
  private final int port;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public Resp(String host, int port) {
    this(host, port, DEFAULT_TIMEOUT);
  }

  /** Connects; {@code timeout} bounds both the connect and every later reply. */
  public Resp(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      in = new BufferedInputStream(socket.getInputStream());
      out = new BufferedOutputStream(socket.getOutputStream());
    } catch (IOException e) {
      closeQuietly();
      throw new UncheckedIOException("cannot connect to Redis at " + host + ":" + port, e);
    }
  }

  /** How long later calls wait for a reply; raise it before {@code DEBUG SLEEP} and the like. */
  public void timeout(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Object call(String... args) {
    try {
      write(args);
      out.flush();
      return read();
    } catch (IOException e) {
      String command = args.length > 0 ? args[0] : "()";
      throw new UncheckedIOException(
          "Redis at " + host + ":" + port + " gave no reply to " + command, e);
    }
  }

  /** Sends every command at once (one flush) and then reads their replies, in order. */
  public List<Object> pipeline(String[]... commands) {
    try {
      for (String[] command : commands) write(command);
      out.flush();
      List<Object> replies = new java.util.ArrayList<>(commands.length);
      for (int i = 0; i < commands.length; i++) replies.add(read());
      return replies;
    } catch (IOException e) {
      throw new UncheckedIOException("Redis at " + host + ":" + port + " gave no reply", e);
    }
  }

  private void write(String... args) throws IOException {
    out.write(header('*', args.length));
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      out.write(header('$', bytes.length));
      out.write(bytes);
      out.write('\r');
      out.write('\n');
    }
  }

  /**
   * The next reply Redis pushes unasked, such as a message on a channel this connection subscribed.
   */
  public Object next() {
    try {
      return read();
    } catch (IOException e) {
      throw new UncheckedIOException("Redis at " + host + ":" + port + " pushed nothing", e);
    }
  }

  /** Every entry of the stream at {@code key}, oldest first, as field → value maps (XRANGE - +). */
  @SuppressWarnings("unchecked")
  public List<Map<String, String>> streamEntries(String key) {
    List<Map<String, String>> out = new java.util.ArrayList<>();
    for (Object e : (List<Object>) call("XRANGE", key, "-", "+")) {
      List<Object> kv = (List<Object>) ((List<Object>) e).get(1);
      Map<String, String> m = new java.util.HashMap<>();
      for (int i = 0; i < kv.size(); i += 2) m.put((String) kv.get(i), (String) kv.get(i + 1));
      out.add(m);
    }
    return out;
  }

  public static Map<String, String> info(Resp r, String section) {
    return fields((String) r.call("INFO", section));
  }

  /** {@code key:value} lines (INFO, CLUSTER INFO) as a map; {@code #} headers are skipped. */
  public static Map<String, String> fields(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (!line.startsWith("#") && colon > 0) {
        values.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
    }
    return values;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private static byte[] header(char type, int count) {
    return (type + Integer.toString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private Object read() throws IOException {
    int type = in.read();
    if (type == -1) {
      throw new EOFException("connection closed by server");
    }
    String line = readLine();
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new RespException(line);
      case ':':
        return Long.parseLong(line);
      case '$':
        return readBulk(Integer.parseInt(line));
      case '*':
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          try {
            items.add(read());
          } catch (RespException e) {
            // An error inside an array (e.g. from EXEC) is a value, not a failure of the call.
            items.add(e);
          }
        }
        return items;
      default:
        throw new IOException("not a RESP2 reply type: " + (char) type + line);
    }
  }

  private String readBulk(int length) throws IOException {
    if (length < 0) {
      return null;
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException("connection closed inside a bulk string");
    }
    readLine();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new EOFException("connection closed inside a reply");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private void closeQuietly() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing a socket that failed to connect has nothing left to report.
    }
  }
}
