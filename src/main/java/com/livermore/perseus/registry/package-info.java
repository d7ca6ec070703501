/**
 * The lease registry: key names, the owner record, and the Lua scripts that claim, renew, rewrite
 * and release an exchange's lease atomically with its fencing epoch, {@code :last} record and
 * activity entry. The only package (with the network reader) that talks to Redisson.
 */
package com.livermore.perseus.registry;
