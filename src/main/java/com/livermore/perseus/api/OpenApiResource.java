package com.livermore.perseus.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's OpenAPI document as written ({@code META-INF/openapi.yaml}), with this server as its
 * {@code servers} entry. The server's own {@code /openapi} serves the same file, but Payara adds a
 * key of its own ({@code endpoints}) that the OpenAPI schema does not allow, so generators and
 * linters are pointed here.
 */
@Path("openapi.yaml")
@ApplicationScoped
public class OpenApiResource {
  static final String DOCUMENT = "/META-INF/openapi.yaml";

  private final String document = read();

  @GET
  @Produces("application/yaml")
  public String document(@Context UriInfo uri) {
    String root = uri.getBaseUri().resolve("..").toString();
    return withServer(document, root);
  }

  /** The document with one {@code servers} entry, placed before {@code paths}. */
  static String withServer(String document, String url) {
    int paths = document.indexOf("\npaths:");
    if (paths < 0) throw new IllegalStateException(DOCUMENT + " has no top-level paths");
    return document.substring(0, paths + 1)
        + "servers:\n  - url: '"
        + url.replace("'", "''")
        + "'\n"
        + document.substring(paths + 1);
  }

  private static String read() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
      if (in == null) throw new IllegalStateException(DOCUMENT + " is missing from the WAR");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
