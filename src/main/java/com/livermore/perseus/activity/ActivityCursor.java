package com.livermore.perseus.activity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The opaque paging cursor: base64url of {@code a1|<stream id>|<exchange>|<crc32>}, the position of
 * the last entry a page examined. A position, not an offset, so entries written later (all newer)
 * never shift the pages that follow. The checksum catches truncated or edited cursors; it is not a
 * secret, and needs none: any genuine position is a legitimate place to continue from.
 */
final class ActivityCursor {
  private static final String VERSION = "a1";
  private static final int MAX_LENGTH = 512;

  private ActivityCursor() {}

  static String encode(EntryPosition position) {
    String body = VERSION + "|" + position.id() + "|" + position.exchange();
    String text = body + "|" + checksum(body);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The position a cursor names; {@link InvalidCursorException} for anything this server did not
   * issue.
   */
  static EntryPosition decode(String cursor) {
    if (cursor.length() > MAX_LENGTH) throw invalid("it is longer than any cursor Perseus issues");
    String text = text(cursor);
    if (!text.startsWith(VERSION + "|")) throw invalid("unknown format or version");
    int last = text.lastIndexOf('|');
    String body = text.substring(0, last);
    if (!checksum(body).equals(text.substring(last + 1)))
      throw invalid("its checksum does not match");
    String[] parts = body.split("\\|", 3);
    if (parts.length < 3 || parts[2].isEmpty()) throw invalid("it names no exchange");
    StreamId id = StreamId.parse(parts[1]).orElseThrow(() -> invalid("it holds no stream id"));
    return new EntryPosition(id, parts[2]);
  }

  private static String text(String cursor) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw invalid("it is not base64url text");
    }
  }

  private static String checksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }

  private static InvalidCursorException invalid(String why) {
    return new InvalidCursorException(
        "The activity cursor is not one this server issued ("
            + why
            + "); read again without a cursor to start from the newest entries.");
  }
}
