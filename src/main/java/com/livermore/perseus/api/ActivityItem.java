package com.livermore.perseus.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.ActivityRecord;
import java.util.Map;

/**
 * One activity entry as the API shows it: the stream id, the entry's own fields (as stored), and
 * for an entry that could not be read, {@code readable: false} with the problem and its raw fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityItem(
    String id,
    String stream,
    boolean readable,
    @JsonUnwrapped ActivityEntry entry,
    String problem,
    Map<String, String> rawFields) {

  static ActivityItem of(ActivityRecord r) {
    return new ActivityItem(
        r.id(), r.exchange(), r.readable(), r.entry(), r.problem(), r.rawFields());
  }
}
