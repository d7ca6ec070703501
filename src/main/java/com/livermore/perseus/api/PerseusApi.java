package com.livermore.perseus.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, at {@code <context root>/api}. Portable: no server-specific classes. */
@ApplicationPath("api")
public class PerseusApi extends Application {}
