package com.livermore.perseus.api;

import com.livermore.perseus.security.ProblemType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a small JSON request body. A body that stops arriving (the server's read timeout ends the
 * wait) is a 408, a body over {@link #MAX_BYTES} a 413, bytes that are not UTF-8 a 400: the
 * client's fault, never reported as a Redis outage.
 */
final class RequestBodies {
  static final int MAX_BYTES = 16 * 1024;

  private RequestBodies() {}

  static String read(InputStream in) {
    if (in == null) return "";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_BYTES) {
          throw new ProblemException(
              Problem.of(
                  ProblemType.BODY_TOO_LARGE,
                  413,
                  "Body too large",
                  "A command body is at most " + MAX_BYTES + " bytes."));
        }
      }
    } catch (IOException e) {
      throw new ProblemException(
          Problem.of(
              ProblemType.REQUEST_TIMEOUT,
              408,
              "Request timeout",
              "The request body did not arrive in time; send the whole body at once."));
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.badParameter("command", "The body is not valid UTF-8.");
    }
  }
}
