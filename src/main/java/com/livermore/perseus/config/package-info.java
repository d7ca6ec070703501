/**
 * The configuration: {@link com.livermore.perseus.config.ConfigValues}, the one reader of raw
 * values, each settings section reading and validating its own properties, and the producer that
 * alone asks MicroProfile Config. Depends on nothing else in Perseus; everything may depend on it.
 */
package com.livermore.perseus.config;
