package org.newsdesk.index.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.netpreserve.jwarc.MessageHeaders;

/**
 * The payload of an HTTP response kept in a WARC record's block: the bytes after the headers, de-chunked and
 * decompressed as its headers say. Crawls keep what servers sent, and servers send HTTP/1.0 replies without a
 * {@code Content-Length} (the body runs to the end of the block), and {@code deflate} both as zlib streams (as
 * the standard says) and raw (as many servers do). Bounded by {@link WarcCorpusReader#MAX_PAYLOAD} plus one byte, so
 * a small body that inflates to gigabytes is found too large rather than read.
 */
final class HttpBody {
  private HttpBody() {}

  /**
   * The decoded payload of the HTTP response in {@code block}, whose headers jwarc parsed.
   *
   * @throws IOException a body that cannot be decoded: a content coding not supported ({@code br}), a body that
   *     says it is compressed but is not, one cut short
   */
  static byte[] of(byte[] block, MessageHeaders headers) throws IOException {
    int start = headersEnd(block);
    byte[] body;
    String transfer = headers.first("Transfer-Encoding").orElse("").toLowerCase(Locale.ROOT);
    if (transfer.contains("chunked")) {
      body = dechunk(block, start);
    } else {
      long declared = headers.first("Content-Length").map(HttpBody::parseLength).orElse(-1L);
      int end = declared >= 0 && declared <= block.length - start ? start + (int) declared : block.length;
      body = java.util.Arrays.copyOfRange(block, start, end);
    }
    String coding = headers.first("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
    return switch (coding) {
      case "", "identity", "none", "utf-8", "text", "binary" -> body;
      case "gzip", "x-gzip" -> gunzipOrAsIs(body);
      case "deflate" -> inflate(body);
      default -> throw new IOException("Content-Encoding '" + coding + "' is not supported");
    };
  }

  /** Where the body starts: after the blank line that ends the headers (CRLF CRLF, or LF LF from lax servers). */
  private static int headersEnd(byte[] b) {
    for (int i = 0; i + 1 < b.length; i++) {
      if (b[i] == '\n' && b[i + 1] == '\n') {
        return i + 2;
      }
      if (b[i] == '\n' && b[i + 1] == '\r' && i + 2 < b.length && b[i + 2] == '\n') {
        return i + 3;
      }
    }
    return b.length;
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The chunks' data, up to the last chunk or the end of the block; a chunk size that cannot be read ends it. */
  private static byte[] dechunk(byte[] b, int at) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = at;
    while (i < b.length) {
      int lineEnd = i;
      while (lineEnd < b.length && b[lineEnd] != '\n') {
        lineEnd++;
      }
      String sizeLine = new String(b, i, lineEnd - i, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
      int semicolon = sizeLine.indexOf(';'); // chunk extensions
      long size;
      try {
        size = Long.parseLong(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon).strip(), 16);
      } catch (NumberFormatException e) {
        break;
      }
      int data = lineEnd + 1;
      if (size <= 0 || data >= b.length) {
        break;
      }
      int n = (int) Math.min(size, b.length - data);
      out.write(b, data, n);
      i = data + n;
      while (i < b.length && (b[i] == '\r' || b[i] == '\n')) { // the CRLF after the data
        i++;
        if (b[i - 1] == '\n') {
          break;
        }
      }
    }
    return out.toByteArray();
  }

  /** Gzip data, or the bytes as they are when they are not gzip at all (a mislabelled body is common and harmless). */
  private static byte[] gunzipOrAsIs(byte[] body) throws IOException {
    if (body.length < 2 || (body[0] & 0xFF) != 0x1F || (body[1] & 0xFF) != 0x8B) {
      return body;
    }
    return readBounded(new GZIPInputStream(new ByteArrayInputStream(body)));
  }

  /** A zlib stream, as HTTP's deflate is defined, else raw deflate data, as many servers send it. */
  private static byte[] inflate(byte[] body) throws IOException {
    try {
      return readBounded(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(false)));
    } catch (ZipException notZlib) {
      return readBounded(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)));
    }
  }

  private static byte[] readBounded(InputStream in) throws IOException {
    try (in) {
      return in.readNBytes((int) WarcCorpusReader.MAX_PAYLOAD + 1);
    }
  }
}
