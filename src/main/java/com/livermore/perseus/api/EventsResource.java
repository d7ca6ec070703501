package com.livermore.perseus.api;

import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.network.NetworkView;
import com.livermore.perseus.network.NetworkWatcher;
import com.livermore.perseus.registry.RecordJson;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Server-Sent Events: on connect one {@code network} event with the whole network, then one for
 * every change of a lease, a state or a liveness; with {@code events=exchange}, an {@code exchange}
 * event per exchange that changed instead. Every event has an id, a reconnecting client resumes
 * with {@code Last-Event-ID}, and a comment every 15 s keeps idle proxies from closing the stream.
 * Nothing here waits on a client's connection: each client's events go through its own outbox.
 */
@Path("network/events")
@ApplicationScoped
public class EventsResource {
  static final long RETRY_MS = 3000;
  static final long KEEP_ALIVE_SECONDS = 15;

  /** How long changes are still recorded after the last client left, so it can resume. */
  static final long RESUME_WINDOW_SECONDS = 60;

  @Inject NetworkView network;
  @Inject NetworkWatcher watcher;
  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService writers;

  private final NetworkEvents history = new NetworkEvents();
  private final List<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();
  private final Consumer<NetworkSnapshot> onChange = this::changed;
  private ScheduledFuture<?> keepAlive;
  private ScheduledFuture<?> idleStop;
  private Sse sse;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(
      @QueryParam("events") String events,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    EventSubscriber subscriber = new EventSubscriber(sink, Parameters.eventNames(events), writers);
    synchronized (this) {
      this.sse = sse;
      var missed = history.after(lastEventId);
      boolean open;
      if (missed.isPresent()) {
        open = send(subscriber, comment("resumed after " + lastEventId), true);
        Map<String, OutboundSseEvent> written = new HashMap<>();
        for (NetworkEvents.Event e : missed.get()) open = open && deliver(subscriber, e, written);
      } else {
        NetworkSnapshot now = network.snapshot();
        open = send(subscriber, event(history.currentId(), "network", now), true);
        subscriber.pictured = fingerprints(now);
        subscriber.shown.putAll(subscriber.pictured);
      }
      if (!open) return;
      subscribers.add(subscriber);
      start();
    }
  }

  /**
   * HEAD answers the stream's headers at once; without it, JAX-RS would run the GET method and hold
   * the connection open for events that HEAD must not carry.
   */
  @HEAD
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Response head() {
    return Response.ok().type(MediaType.SERVER_SENT_EVENTS_TYPE).build();
  }

  /**
   * Tells every client of a change. Each event is built once, when the first client needs it, and
   * the same event (its JSON already written) goes to every other client: a 1 MB picture is not
   * serialised once per client.
   */
  private synchronized void changed(NetworkSnapshot snapshot) {
    List<NetworkEvents.Event> events = history.changed(snapshot);
    Map<String, OutboundSseEvent> written = new HashMap<>();
    for (EventSubscriber s : subscribers) {
      boolean open = true;
      for (NetworkEvents.Event e : events) open = open && deliver(s, e, written);
      if (!open) drop(s);
    }
  }

  private synchronized void keepAlive() {
    for (EventSubscriber s : subscribers) {
      if (!send(s, comment("keep-alive"), false)) drop(s);
    }
  }

  /**
   * Sends {@code e} if the client asked for its kind and does not know it yet: a picture it already
   * has, or an exchange as it was already shown, is skipped. {@code written} holds the events
   * already built for this change, by id.
   */
  private boolean deliver(
      EventSubscriber s, NetworkEvents.Event e, Map<String, OutboundSseEvent> written) {
    if (!s.names.contains(e.name())) return true;
    if (e.data() instanceof NetworkSnapshot picture) {
      Map<String, String> shown = fingerprints(picture);
      if (shown.equals(s.pictured)) return true;
      s.pictured = shown;
    } else if (e.data() instanceof ExchangeStatus one) {
      String shown = NetworkWatcher.fingerprint(one);
      if (shown.equals(s.shown.get(one.exchange()))) return true;
      s.shown.put(one.exchange(), shown);
    }
    return s.offer(written.computeIfAbsent(e.id(), id -> event(id, e.name(), e.data()).build()));
  }

  private void start() {
    if (idleStop != null) idleStop.cancel(false);
    idleStop = null;
    if (keepAlive != null) return;
    watcher.subscribe(onChange);
    keepAlive =
        scheduler.scheduleAtFixedRate(
            this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
  }

  private void drop(EventSubscriber s) {
    subscribers.remove(s);
    s.closeLater();
    if (subscribers.isEmpty() && idleStop == null) {
      idleStop = scheduler.schedule(this::stopIfIdle, RESUME_WINDOW_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** Nobody came back within the window: stop watching; older ids now get a fresh picture. */
  private synchronized void stopIfIdle() {
    idleStop = null;
    if (!subscribers.isEmpty() || keepAlive == null) return;
    watcher.unsubscribe(onChange);
    keepAlive.cancel(false);
    keepAlive = null;
    history.interrupted();
  }

  @PreDestroy
  synchronized void stop() {
    watcher.unsubscribe(onChange);
    if (keepAlive != null) keepAlive.cancel(false);
    if (idleStop != null) idleStop.cancel(false);
    subscribers.forEach(EventSubscriber::closeLater);
    subscribers.clear();
  }

  private OutboundSseEvent.Builder event(String id, String name, Object data) {
    return sse.newEventBuilder()
        .id(id)
        .name(name)
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(String.class, RecordJson.write(data));
  }

  private OutboundSseEvent.Builder comment(String text) {
    return sse.newEventBuilder().comment(text);
  }

  /**
   * Queues the event in the client's outbox; the first event of a connection also tells the client
   * how soon to reconnect.
   */
  private static boolean send(EventSubscriber s, OutboundSseEvent.Builder event, boolean first) {
    if (first) event.reconnectDelay(RETRY_MS);
    return s.offer(event.build());
  }

  private static Map<String, String> fingerprints(NetworkSnapshot snapshot) {
    Map<String, String> out = new HashMap<>();
    for (ExchangeStatus s : snapshot.exchanges()) {
      out.put(s.exchange(), NetworkWatcher.fingerprint(s));
    }
    return out;
  }
}
