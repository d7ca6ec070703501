package com.livermore.perseus.api;

import com.livermore.perseus.registry.RecordJson;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes JSON with the same Jackson mapper as the Redis records, so the API's field names, times
 * and enums are exactly those stored in Redis. A plain JAX-RS provider: portable across servers.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class JacksonWriter implements MessageBodyWriter<Object> {

  @Override
  public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return !(CharSequence.class.isAssignableFrom(type) || byte[].class == type)
        && (mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE) || "problem+json".equals(mediaType.getSubtype()));
  }

  @Override
  public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
      MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
    RecordJson.mapper().writeValue(new NonClosing(out), value);
  }

  /** Jackson closes its target; the container owns the entity stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
