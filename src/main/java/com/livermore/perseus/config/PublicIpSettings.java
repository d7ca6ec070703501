package com.livermore.perseus.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Public-IP detection: on or off, the lookup services tried in order, and the overall timeout. */
public record PublicIpSettings(boolean enabled, List<URI> endpoints, Duration timeout) {}
