package com.livermore.perseus.console;

import com.livermore.perseus.command.CommandOutcome;
import com.livermore.perseus.command.CommandRefusedException;
import com.livermore.perseus.command.CommandService;
import com.livermore.perseus.command.CommandType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The card buttons of a network-admin: each sends a command and shows its outcome. */
@Named
@RequestScoped
public class ConsoleCommands {
  @Inject CommandService commands;
  @Inject FacesContext faces;

  public void send(String exchange, String command) {
    if (!faces.getExternalContext().isUserInRole("network-admin")) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, "Commands need the network-admin role.", null));
      return;
    }
    CommandType type = CommandType.fromWire(command).orElseThrow();
    String user = faces.getExternalContext().getUserPrincipal().getName();
    // A Faces action answers in the same request: it waits on the outcome's completion.
    Optional<CommandOutcome> outcome;
    try {
      outcome =
          commands
              .execute(exchange, type, type == CommandType.FORCE_START, user)
              .toCompletableFuture()
              .join();
    } catch (CommandRefusedException e) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_WARN,
              type.wireName() + " " + exchange + ": " + e.title(),
              e.getMessage()));
      return;
    }
    outcome.ifPresentOrElse(
        o -> show(o),
        () ->
            faces.addMessage(
                null,
                new FacesMessage(FacesMessage.SEVERITY_WARN, exchange + " is not known.", null)));
  }

  private void show(CommandOutcome o) {
    FacesMessage.Severity severity =
        switch (o.outcome()) {
          case DONE, ACCEPTED -> FacesMessage.SEVERITY_INFO;
          case REFUSED, TIMED_OUT -> FacesMessage.SEVERITY_WARN;
        };
    faces.addMessage(
        null,
        new FacesMessage(
            severity,
            o.command().wireName() + " " + o.exchange() + ": " + o.outcome().wireName(),
            o.reason()));
  }
}
