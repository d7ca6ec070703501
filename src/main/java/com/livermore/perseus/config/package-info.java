/**
 * Typed configuration read once from MicroProfile Config and validated at start-up, and the one
 * Redisson client of the application. Depends on nothing else in Perseus; everything depends on it.
 */
package com.livermore.perseus.config;
