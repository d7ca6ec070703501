package com.livermore.perseus.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.command.CommandOutcome;
import com.livermore.perseus.command.CommandRefusedException;
import com.livermore.perseus.command.CommandService;
import com.livermore.perseus.command.CommandType;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.security.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Operator commands for an exchange: network-admin only. */
@Path("network/exchanges/{exchange}/commands")
@RequestScoped
public class CommandsResource {
  /** A safety net above the service's own answer timeout: the request never hangs. */
  private static final long RESUME_WITHIN_SECONDS = 30;

  private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  @Inject CommandService commands;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public void send(
      @PathParam("exchange") String exchange,
      InputStream body,
      @Context SecurityContext security,
      @Suspended AsyncResponse response) {
    // Role and path first: a body is read only for a request that could run.
    if (!security.isUserInRole("network-admin")) {
      throw new ProblemException(
          Problem.of(
              ProblemType.FORBIDDEN, 403, "Forbidden", "Commands need the network-admin role."));
    }
    String id = Parameters.exchange(exchange);
    JsonNode json = parse(RequestBodies.read(body));
    String name = json.path("command").asText("");
    CommandType type =
        CommandType.fromWire(name)
            .orElseThrow(
                () ->
                    ProblemException.badParameter(
                        "command",
                        "'command' is one of "
                            + Arrays.stream(CommandType.values())
                                .map(CommandType::wireName)
                                .toList()
                            + "."));
    JsonNode confirm = json.path("confirm");
    if (!confirm.isMissingNode() && !confirm.isBoolean()) {
      throw ProblemException.badParameter("confirm", "'confirm' is true or false.");
    }
    String to = to(json.path("to"), type);
    // The request thread is given back while the owning instance answers.
    response.setTimeout(RESUME_WITHIN_SECONDS, TimeUnit.SECONDS);
    CompletionStage<Optional<CommandOutcome>> running;
    try {
      running =
          commands.execute(
              id, type, confirm.asBoolean(false), security.getUserPrincipal().getName(), to);
    } catch (CommandRefusedException e) {
      throw new ProblemException(
          Problem.of(
              e.reason() == CommandRefusedException.Reason.NO_STANDBY
                  ? ProblemType.NO_STANDBY
                  : ProblemType.NOT_A_STANDBY,
              409,
              e.title(),
              e.getMessage()));
    }
    running.whenComplete(
        (outcome, failure) -> {
          if (failure != null) {
            response.resume(
                failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure);
          } else if (outcome.isEmpty()) {
            response.resume(ProblemException.unknownExchange(id));
          } else {
            response.resume(answer(outcome.get()));
          }
        });
  }

  private static Response answer(CommandOutcome outcome) {
    int status =
        switch (outcome.outcome()) {
          case DONE -> 200;
          case ACCEPTED -> 202;
          case REFUSED -> 409;
          case TIMED_OUT -> 504;
        };
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(RecordJson.write(outcome))
        .build();
  }

  /** The standby a handoff names: an instance id, and only with {@code handoff}. */
  private static String to(JsonNode to, CommandType type) {
    if (to.isMissingNode() || to.isNull()) return null;
    if (type != CommandType.HANDOFF) {
      throw ProblemException.badParameter("to", "'to' goes only with the handoff command.");
    }
    if (!to.isTextual() || !INSTANCE_ID.matcher(to.asText()).matches()) {
      throw ProblemException.badParameter(
          "to", "'to' is the instanceId of a standby (letters, digits, '-', '_', '.'; 1-100).");
    }
    return to.asText();
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = body == null || body.isBlank() ? null : RecordJson.mapper().readTree(body);
      if (node != null && node.isObject()) return node;
    } catch (Exception e) {
      // reported below
    }
    throw ProblemException.badParameter(
        "command", "The body is a JSON object such as {\"command\": \"stop\"}.");
  }
}
