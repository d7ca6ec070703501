package com.livermore.perseus.testing;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A real Redis Cluster of {@link RedisServer} nodes, formed with CLUSTER MEET / ADDSLOTS /
 * REPLICATE because the embedded binary comes without {@code redis-cli}. Masters are the first
 * nodes started; replica {@code i} follows master {@code i % masters}.
 */
public final class RedisCluster implements AutoCloseable {

  public static final int SLOTS = 16384;
  public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofMillis(2000);
  private static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

  private final List<RedisServer> nodes = new ArrayList<>();
  private final int masterCount;
  private final int replicasPerMaster;

  private RedisCluster(int masterCount, int replicasPerMaster) {
    this.masterCount = masterCount;
    this.replicasPerMaster = replicasPerMaster;
  }

  public static RedisCluster start(int masters, int replicasPerMaster) {
    return start(masters, replicasPerMaster, DEFAULT_NODE_TIMEOUT);
  }

  /**
   * {@code nodeTimeout} is how long a node may be silent before failover starts. A failover needs
   * the votes of a majority of masters, so tests that kill a master need at least three.
   */
  public static RedisCluster start(int masters, int replicasPerMaster, Duration nodeTimeout) {
    if (masters < 1 || replicasPerMaster < 0) {
      throw new IllegalArgumentException(
          "need at least one master and no negative replica count: "
              + masters
              + ", "
              + replicasPerMaster);
    }
    RedisCluster cluster = new RedisCluster(masters, replicasPerMaster);
    try {
      for (int i = 0; i < masters * (1 + replicasPerMaster); i++) {
        cluster.nodes.add(
            RedisServer.start(
                "--cluster-enabled",
                "yes",
                "--cluster-config-file",
                "nodes.conf",
                "--cluster-node-timeout",
                Long.toString(nodeTimeout.toMillis())));
      }
      cluster.form();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Every node started, including stopped or killed ones, in start order. */
  public List<RedisServer> nodes() {
    return List.copyOf(nodes);
  }

  /** The masters as the cluster currently sees them (CLUSTER NODES), ordered by first slot. */
  public List<RedisServer> masters() {
    return view().stream()
        .filter(n -> n.is("master") && !n.failed())
        .sorted(Comparator.comparingInt(ClusterNode::firstSlot))
        .map(n -> byPort(n.port()))
        .toList();
  }

  /** The healthy replicas that currently follow {@code master}. */
  public List<RedisServer> replicasOf(RedisServer master) {
    List<ClusterNode> view = view();
    String masterId =
        view.stream()
            .filter(n -> n.port() == master.port())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(master + " is not in the cluster"))
            .id();
    return view.stream()
        .filter(n -> n.is("slave") && !n.failed() && n.masterId().equals(masterId))
        .map(n -> byPort(n.port()))
        .toList();
  }

  /** {@code redis://127.0.0.1:p1,redis://127.0.0.1:p2,...} of all nodes. */
  public String addresses() {
    return nodes.stream().map(RedisServer::address).collect(Collectors.joining(","));
  }

  /** The master currently serving the slot of {@code key}, according to CLUSTER SLOTS. */
  @SuppressWarnings("unchecked")
  public RedisServer masterFor(String key) {
    int slot = slot(key);
    try (Resp r = anyServingNode().connect(QUERY_TIMEOUT)) {
      for (Object range : (List<Object>) r.call("CLUSTER", "SLOTS")) {
        List<Object> entry = (List<Object>) range;
        if ((Long) entry.get(0) <= slot && slot <= (Long) entry.get(1)) {
          return byPort(((Long) ((List<Object>) entry.get(2)).get(1)).intValue());
        }
      }
    }
    throw new IllegalStateException("no node serves slot " + slot + " of key " + key);
  }

  /** Redis Cluster hash slot: CRC16/XMODEM of the key, or of its first non-empty {hash tag}. */
  public static int slot(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    int open = indexOf(bytes, '{', 0);
    if (open >= 0) {
      int close = indexOf(bytes, '}', open + 1);
      if (close > open + 1) {
        bytes = Arrays.copyOfRange(bytes, open + 1, close);
      }
    }
    return crc16(bytes) % SLOTS;
  }

  /**
   * Waits until every serving node reports {@code cluster_state:ok}, all agree on who owns the
   * slots, every owner is a serving node and every replica's link to its master is up. The owner
   * check matters right after a kill: the others still say "ok" until node timeout passes.
   */
  public void awaitHealthy(Duration timeout) {
    await(timeout, "healthy", () -> problem(false));
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (RedisServer node : nodes) {
      try {
        node.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void form() {
    List<String> ids = nodes.stream().map(n -> (String) call(n, "CLUSTER", "MYID")).toList();
    for (int i = 0; i < nodes.size(); i++) {
      // Distinct epochs up front spare the cluster its epoch-collision resolution round.
      call(nodes.get(i), "CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
    }
    for (int m = 0; m < masterCount; m++) {
      // Redis 6.2 has no ADDSLOTSRANGE, but ADDSLOTS takes any number of slots.
      Stream<String> slots =
          IntStream.range(m * SLOTS / masterCount, (m + 1) * SLOTS / masterCount)
              .mapToObj(Integer::toString);
      call(
          nodes.get(m),
          Stream.concat(Stream.of("CLUSTER", "ADDSLOTS"), slots).toArray(String[]::new));
    }
    // Every node meets every later one: gossip alone would need about a second more to spread.
    for (int i = 0; i < nodes.size(); i++) {
      for (RedisServer other : nodes.subList(i + 1, nodes.size())) {
        call(nodes.get(i), "CLUSTER", "MEET", RedisServer.HOST, Integer.toString(other.port()));
      }
    }
    long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
    await(remaining(deadline), "formed (all nodes known to each other)", this::unmetNodes);
    for (int i = masterCount; i < nodes.size(); i++) {
      call(nodes.get(i), "CLUSTER", "REPLICATE", ids.get((i - masterCount) % masterCount));
    }
    await(
        remaining(deadline),
        "healthy with " + masterCount + " masters and " + replicasPerMaster + " replicas each",
        () -> problem(true));
  }

  private Optional<String> unmetNodes() {
    for (RedisServer node : nodes) {
      List<ClusterNode> view = ClusterNode.parseAll((String) call(node, "CLUSTER", "NODES"));
      long linked =
          view.stream()
              .filter(
                  n -> !n.is("handshake") && !n.is("noaddr") && n.linkState().equals("connected"))
              .count();
      if (linked < nodes.size()) {
        return Optional.of(node + " is linked to " + linked + " of " + nodes.size() + " nodes");
      }
    }
    return Optional.empty();
  }

  private Optional<String> problem(boolean expectFullTopology) {
    String agreedOwners = null;
    for (RedisServer node : nodes.stream().filter(RedisServer::isServing).toList()) {
      try (Resp r = node.connect(QUERY_TIMEOUT)) {
        String state = Resp.fields((String) r.call("CLUSTER", "INFO")).get("cluster_state");
        if (!"ok".equals(state)) {
          return Optional.of(node + " reports cluster_state:" + state);
        }
        List<ClusterNode> view = ClusterNode.parseAll((String) r.call("CLUSTER", "NODES"));
        List<ClusterNode> owners =
            view.stream()
                .filter(n -> n.is("master") && !n.failed() && !n.slots().isEmpty())
                .sorted(Comparator.comparingInt(ClusterNode::firstSlot))
                .toList();
        String ownerText =
            owners.stream().map(n -> n.port() + "=" + n.slots()).collect(Collectors.joining(" "));
        if (agreedOwners == null) {
          agreedOwners = ownerText;
        } else if (!agreedOwners.equals(ownerText)) {
          return Optional.of("nodes disagree on slot owners: " + agreedOwners + " vs " + ownerText);
        }
        for (ClusterNode owner : owners) {
          RedisServer server = byPortOrNull(owner.port());
          if (server == null || !server.isServing()) {
            return Optional.of(
                "slots "
                    + owner.slots()
                    + " are still owned by "
                    + owner.port()
                    + ", which is not serving");
          }
        }
        if (view.stream().anyMatch(n -> n.is("myself") && n.is("slave"))
            && !"up".equals(Resp.info(r, "replication").get("master_link_status"))) {
          return Optional.of(node + " has no replication link to its master yet");
        }
        if (expectFullTopology) {
          Optional<String> missing = missingReplicas(node, owners, view);
          if (missing.isPresent()) {
            return missing;
          }
        }
      } catch (RespException | UncheckedIOException e) {
        return Optional.of(node + " did not answer: " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  private Optional<String> missingReplicas(
      RedisServer node, List<ClusterNode> owners, List<ClusterNode> view) {
    if (owners.size() != masterCount) {
      return Optional.of(node + " sees " + owners.size() + " masters, expected " + masterCount);
    }
    for (ClusterNode master : owners) {
      long replicas =
          view.stream().filter(n -> n.is("slave") && n.masterId().equals(master.id())).count();
      if (replicas != replicasPerMaster) {
        return Optional.of(
            node
                + " sees "
                + replicas
                + " replicas of master "
                + master.port()
                + ", expected "
                + replicasPerMaster);
      }
    }
    return Optional.empty();
  }

  private void await(Duration timeout, String goal, Supplier<Optional<String>> problem) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<String> last = problem.get();
    while (last.isPresent()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Redis Cluster "
                + addresses()
                + " not "
                + goal
                + " within "
                + timeout.toMillis()
                + " ms: "
                + last.get()
                + logTails());
      }
      sleep(50);
      last = problem.get();
    }
  }

  private List<ClusterNode> view() {
    return ClusterNode.parseAll((String) call(anyServingNode(), "CLUSTER", "NODES"));
  }

  private RedisServer anyServingNode() {
    return nodes.stream()
        .filter(RedisServer::isServing)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no node of " + addresses() + " is serving"));
  }

  private RedisServer byPort(int port) {
    RedisServer server = byPortOrNull(port);
    if (server == null) {
      throw new IllegalStateException("port " + port + " is not a node of " + addresses());
    }
    return server;
  }

  private RedisServer byPortOrNull(int port) {
    return nodes.stream().filter(n -> n.port() == port).findFirst().orElse(null);
  }

  private String logTails() {
    StringBuilder text = new StringBuilder();
    for (RedisServer node : nodes) {
      String log = node.log();
      text.append("\n--- ")
          .append(node)
          .append(" log tail ---\n")
          .append(log.length() <= 1500 ? log : log.substring(log.length() - 1500));
    }
    return text.toString();
  }

  private static Object call(RedisServer node, String... args) {
    try (Resp r = node.connect(QUERY_TIMEOUT)) {
      return r.call(args);
    } catch (RespException e) {
      String command = String.join(" ", Arrays.asList(args).subList(0, Math.min(args.length, 4)));
      throw new IllegalStateException(command + " on " + node + " failed: " + e.getMessage(), e);
    }
  }

  private static int crc16(byte[] bytes) {
    int crc = 0;
    for (byte b : bytes) {
      crc ^= (b & 0xff) << 8;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      crc &= 0xffff;
    }
    return crc;
  }

  private static int indexOf(byte[] bytes, char c, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the cluster", e);
    }
  }

  /** One line of CLUSTER NODES. */
  private record ClusterNode(
      String id,
      int port,
      Set<String> flags,
      String masterId,
      String linkState,
      List<String> slots) {

    static List<ClusterNode> parseAll(String clusterNodes) {
      return clusterNodes.lines().filter(l -> !l.isBlank()).map(ClusterNode::parse).toList();
    }

    // <id> <ip:port@cport[,hostname]> <flags> <master> <ping> <pong> <epoch> <link> <slot>...
    static ClusterNode parse(String line) {
      String[] f = line.trim().split(" ");
      String address = f[1].split("@")[0];
      int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
      List<String> slots = Arrays.stream(f).skip(8).filter(s -> !s.startsWith("[")).toList();
      return new ClusterNode(f[0], port, Set.of(f[2].split(",")), f[3], f[7], slots);
    }

    boolean is(String flag) {
      return flags.contains(flag);
    }

    boolean failed() {
      return is("fail") || is("fail?");
    }

    int firstSlot() {
      return slots.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(slots.get(0).split("-")[0]);
    }
  }
}
