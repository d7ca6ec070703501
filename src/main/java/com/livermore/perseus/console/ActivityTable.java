package com.livermore.perseus.console;

import com.livermore.perseus.activity.ActivityPage;
import com.livermore.perseus.activity.ActivityQuery;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.network.NetworkUnavailableException;
import com.livermore.perseus.network.NetworkView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The lazy activity table over the merged streams, newest first. The reader pages with cursors, not
 * offsets, so the table remembers the cursor that starts each page it has shown: later pages stay
 * put while new entries arrive, and page one shows the newest.
 */
@Named
@ViewScoped
public class ActivityTable implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient NetworkView network;
  @Inject transient PerseusConfig config;

  private String exchange = "";
  private String type = "";
  private final Model model = new Model();

  public LazyDataModel<ActivityRow> getModel() {
    return model;
  }

  /** Filters changed: start again from the newest entries. */
  public void filter() {
    model.reset();
  }

  /** The exchanges of the network, for the exchange filter. */
  public List<String> getKnownExchanges() {
    try {
      return network.knownExchanges();
    } catch (NetworkUnavailableException e) {
      return exchange.isEmpty() ? List.of() : List.of(exchange);
    }
  }

  public long getPollSeconds() {
    return config.console().activityPoll().toSeconds();
  }

  public List<String> getTypes() {
    return EnumSet.allOf(EventType.class).stream().map(EventType::wireName).toList();
  }

  public String getExchange() {
    return exchange;
  }

  public void setExchange(String exchange) {
    this.exchange = exchange == null ? "" : exchange;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type == null ? "" : type;
  }

  private List<String> exchanges() {
    if (!exchange.isEmpty() && com.livermore.perseus.config.ConfigurationReader.isSlug(exchange))
      return List.of(exchange);
    return network.knownExchanges();
  }

  private Set<EventType> types() {
    return type.isEmpty() ? Set.of() : EventType.fromWire(type).map(Set::of).orElse(Set.of());
  }

  private final class Model extends LazyDataModel<ActivityRow> {
    private static final long serialVersionUID = 1L;

    /** cursors.get(k) starts page k (null: the newest). */
    private final List<String> cursors = new ArrayList<>(List.of(""));

    private int known;

    void reset() {
      cursors.clear();
      cursors.add("");
      known = 0;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return known;
    }

    @Override
    public List<ActivityRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      int pageIndex = first / pageSize;
      try {
        List<String> exchanges = exchanges();
        ActivityPage page = null;
        // Walk forward from the last page whose cursor is known (a jump past it reads the pages
        // between).
        for (int k = Math.min(pageIndex, cursors.size() - 1); k <= pageIndex; k++) {
          String cursor = cursors.get(k);
          page =
              network.activity(
                  new ActivityQuery(
                      exchanges, types(), null, cursor.isEmpty() ? null : cursor, pageSize));
          if (k + 1 < cursors.size()) cursors.set(k + 1, page.next() == null ? "" : page.next());
          else if (page.next() != null) cursors.add(page.next());
          if (page.next() == null) break;
        }
        Instant now = Instant.now();
        List<ActivityRow> rows =
            page == null
                ? List.of()
                : page.entries().stream().map(r -> ActivityRow.of(r, now)).toList();
        known = first + rows.size() + (page != null && page.next() != null ? pageSize : 0);
        setRowCount(known);
        return rows;
      } catch (NetworkUnavailableException e) {
        setRowCount(0);
        return List.of();
      }
    }

    @Override
    public String getRowKey(ActivityRow row) {
      return row.exchange() + "/" + row.id();
    }

    @Override
    public ActivityRow getRowData(String rowKey) {
      return null;
    }
  }
}
