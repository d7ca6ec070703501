package com.livermore.perseus.store;

import java.util.List;

/**
 * Everything claim.lua needs besides the record, sent as one JSON argument: each script argument
 * costs the client more than the script spends decoding them. Numbers travel as strings so Lua
 * passes them to Redis unchanged.
 */
record ClaimTerms(
    String ttl,
    String maxLen,
    String minId,
    String node,
    String host,
    String minEpoch,
    boolean holdBack,
    List<String> entry) {}
