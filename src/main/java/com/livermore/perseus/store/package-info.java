/**
 * Every Redis call of the application, and the only package that imports Redisson: the two clients,
 * the key names, the lease protocol (its Lua scripts, called only from {@link
 * com.livermore.perseus.store.LeaseStore}, with one prelude and one reply shape), the activity
 * streams, the network's read plan, commands over pub/sub, and the producer that builds each store
 * once. Depends on the domain values and config.
 */
package com.livermore.perseus.store;
