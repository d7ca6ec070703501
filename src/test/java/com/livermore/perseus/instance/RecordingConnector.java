package com.livermore.perseus.instance;

import com.livermore.perseus.lifecycle.ConnectorContext;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A connector for tests: records what Perseus asked of it and lets a test observe Redis from inside
 * each step.
 */
final class RecordingConnector implements ExchangeConnector {
  final List<String> calls = new CopyOnWriteArrayList<>();
  volatile Consumer<String> onStep = step -> {};
  volatile RuntimeException failStart;
  volatile int symbols = 7;
  volatile ConnectorContext context;

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public void start(ConnectorContext context) {
    this.context = context;
    calls.add("start");
    onStep.accept("start");
    if (failStart != null) throw failStart;
  }

  @Override
  public void warmUp(ConnectorContext context) {
    calls.add("warmUp");
    onStep.accept("warmUp");
    context.progress(50);
  }

  @Override
  public int symbolCount() {
    return symbols;
  }

  @Override
  public void stop() {
    calls.add("stop");
  }
}
