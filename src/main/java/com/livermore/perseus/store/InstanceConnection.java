package com.livermore.perseus.store;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Redis client this instance keeps its lease with (heartbeat, activity writes, commands),
 * separate from the one that serves reads, so that a crowd of API or console readers can never make
 * a heartbeat wait for a connection.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface InstanceConnection {}
