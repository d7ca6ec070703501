/**
 * The benchmark suite ({@code ./mvnw -Pbench verify}): every hot path timed against the raw Redis
 * command (or trivial endpoint) it is built on, in the same run and over the same connections, so
 * each row is a ratio that does not depend on how fast this machine is. Compiled and run only in
 * the {@code bench} profile; it may use everything in the main and test sources.
 */
package com.livermore.perseus.bench;
