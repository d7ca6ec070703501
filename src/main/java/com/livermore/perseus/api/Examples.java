package com.livermore.perseus.api;

/** Example bodies for the OpenAPI document. */
final class Examples {
  private Examples() {}

  static final String RECORD =
      """
      {"instanceId":"b0909bf9-32c0-4b98-86db-14d971b1be48","exchange":"coinbase","epoch":3,"hostname":"trade-01",\
      "ipAddress":"203.0.113.7","localAddress":"10.0.0.7","admin":"ops@example.com","state":"active",\
      "stateSince":"2026-11-24T10:00:12Z","symbolCount":120,"warmupProgress":null,"registeredAt":"2026-11-24T10:00:00Z",\
      "lastHeartbeat":"2026-11-24T14:23:45Z","heartbeatLatencyMs":2,"lastError":null,"version":"0.1.0",\
      "nodeName":null,"leaseTtlMs":45000}""";

  static final String STATUS =
      """
      "exchange":"coinbase","displayName":"Coinbase","liveness":"alive","state":"active","heartbeatAgeMs":4120,\
      "leaseExpiresInMs":40880,"uptimeMs":15825000,"timeInStateMs":15813000,"lastSeen":"2026-11-24T14:23:45Z",\
      "owner":"""
          + RECORD
          + ",\"lastKnown\":null,\"problem\":null";

  static final String INSTANCES =
      "{\"serverTime\":\"2026-11-24T14:23:49Z\",\"exchanges\":[{" + STATUS + "}]}";

  static final String EXCHANGE = "{\"serverTime\":\"2026-11-24T14:23:49Z\"," + STATUS + "}";

  static final String ACTIVITY =
      """
      {"serverTime":"2026-11-24T14:23:49Z","entries":[{"id":"1795558962468-0","stream":"coinbase","readable":true,\
      "type":"state_changed","exchange":"coinbase","instanceId":"b0909bf9-32c0-4b98-86db-14d971b1be48","epoch":3,\
      "hostname":"trade-01","from":"warming","to":"active","at":"2026-11-24T10:00:12Z"}],"next":"djE6..."}""";

  static final String BAD_LIMIT =
      """
      {"type":"about:blank","title":"Invalid parameter 'limit'","status":400,\
      "detail":"'limit' is a whole number from 1 to 500; got '900'.","parameter":"limit"}""";

  static final String BAD_EXCHANGE =
      """
      {"type":"about:blank","title":"Invalid parameter 'exchange'","status":400,\
      "detail":"An exchange id matches [a-z0-9][a-z0-9_-]{0,63}; got 'Coin Base'.","parameter":"exchange"}""";

  static final String COMMAND_DONE =
      """
      {"id":"4c1d…","exchange":"kraken","command":"stop","outcome":"done",\
      "reason":"stopped on trade-02; it stays stopped until a start","issuedBy":"alice","at":"2026-11-24T14:30:00Z"}""";
}
