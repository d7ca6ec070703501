/**
 * The values Redis holds about leases, as every client reads them: the owner record, the lease, the
 * operator's intent, the registry entry, the outcomes of claims and writes, and their JSON form,
 * and the public-IP lookup behind the record's {@code ipAddress}. No Redis client: the store
 * package reads and writes them.
 */
package com.livermore.perseus.registry;
