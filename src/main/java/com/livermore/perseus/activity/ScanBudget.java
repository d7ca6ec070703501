package com.livermore.perseus.activity;

/**
 * How far one page may scan when a type filter leaves it short: at most {@code rounds} batches and,
 * once {@code entries} entries have been examined, no further batch. The page then ends early with
 * a cursor, so a rare type costs the caller more pages instead of one unbounded request.
 */
record ScanBudget(int rounds, int entries) {
  static final ScanBudget DEFAULT = new ScanBudget(10, 5_000);
}
