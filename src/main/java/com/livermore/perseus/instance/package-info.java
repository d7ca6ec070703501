/**
 * This instance at run time, in small parts coordinated by {@link
 * com.livermore.perseus.instance.ExchangeInstance}: the lease keeper (claim, renewal, release and
 * the one path of every loss), the pure claim policy and lease deadline, the exchange work through
 * the lifecycle, standby, commands, Redis reachability and the record snapshot. {@link
 * com.livermore.perseus.instance.InstanceAssembly} builds them; the EJB runtime drives the
 * heartbeat. Depends on the stores, the domain and config.
 */
package com.livermore.perseus.instance;
