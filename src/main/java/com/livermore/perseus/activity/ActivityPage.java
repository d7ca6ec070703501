package com.livermore.perseus.activity;

import java.util.List;

/**
 * Entries newest first, and the cursor of the next (older) page. {@code next} is null when nothing
 * older is left. With a type filter a page may be shorter than asked, even empty, while {@code
 * next} is set: the scan stops within a budget and the next page continues where it stopped (and a
 * filtered last page may only learn on the following, empty one that nothing matched below it).
 */
public record ActivityPage(List<ActivityRecord> entries, String next) {

  public ActivityPage {
    entries = List.copyOf(entries);
  }
}
