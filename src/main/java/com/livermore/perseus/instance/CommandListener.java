package com.livermore.perseus.instance;

import com.livermore.perseus.command.Command;
import com.livermore.perseus.command.CommandChannel;
import com.livermore.perseus.command.CommandOutcome;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * Listens for operator commands while this instance owns its exchange, runs each off the Redis
 * client's thread, and writes back the outcome the caller is waiting for.
 */
final class CommandListener {
  private static final Logger LOG = Logger.getLogger(CommandListener.class.getName());

  private final CommandChannel channel;
  private final String exchange;
  private final Executor worker;
  private final ExchangeInstance instance;
  private Integer listenerId;

  CommandListener(
      CommandChannel channel, String exchange, Executor worker, ExchangeInstance instance) {
    this.channel = channel;
    this.exchange = exchange;
    this.worker = worker;
    this.instance = instance;
  }

  synchronized void listen() {
    if (listenerId != null) return;
    try {
      listenerId = channel.subscribe(exchange, c -> worker.execute(() -> answer(c)));
    } catch (RuntimeException e) {
      LOG.warning(() -> "Cannot listen for commands to " + exchange + ": " + e.getMessage());
    }
  }

  synchronized void stop() {
    Integer id = listenerId;
    listenerId = null;
    if (id == null) return;
    try {
      channel.unsubscribe(exchange, id);
    } catch (RuntimeException e) {
      // Redis is gone: the subscription went with the connection
    }
  }

  private void answer(Command command) {
    CommandOutcome outcome;
    try {
      outcome =
          switch (command.command()) {
            case STOP -> instance.stopByOperator(command, channel);
            case START -> instance.startByOperator(command, channel);
            case FORCE_START ->
                CommandOutcome.of(
                    command, CommandOutcome.Result.REFUSED, "force-start is not sent to the owner");
          };
    } catch (RuntimeException e) {
      outcome =
          CommandOutcome.of(
              command,
              CommandOutcome.Result.REFUSED,
              "the instance could not record it: " + e.getMessage());
    }
    try {
      channel.writeOutcome(outcome);
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "Could not write the outcome of "
                  + command.command().wireName()
                  + " on "
                  + exchange
                  + ": "
                  + e.getMessage());
    }
  }
}
