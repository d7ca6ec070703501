package com.livermore.perseus.command;

import java.time.Instant;

/** One command as sent to the owning instance. */
public record Command(
    String id, String exchange, CommandType command, String issuedBy, Instant at) {}
