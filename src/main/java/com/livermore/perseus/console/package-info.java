/**
 * The operator console: Faces backing beans (thin, {@code @ViewScoped}) and the pure view models
 * that format what a card shows. Depends on network (the read service it shares with the API),
 * command and config; never on a store or Redisson.
 */
package com.livermore.perseus.console;
