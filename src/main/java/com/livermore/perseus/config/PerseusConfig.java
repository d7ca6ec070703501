package com.livermore.perseus.config;

/** The whole validated configuration of one instance. */
public record PerseusConfig(
    String exchange,
    String admin,
    String nodeName,
    RedisSettings redis,
    LeaseSettings lease,
    ActivitySettings activity,
    PublicIpSettings publicIp,
    ConnectorSettings connector,
    ConsoleSettings console) {}
