package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarcCorpusReaderTest extends CorpusReaderTest {
  @Override
  boolean textFormat() {
    return false; // WARC is a binary record format: no byte order mark in front of it
  }

  @Override
  String fixture() {
    return "pages.warc";
  }

  @Override
  CorpusFormat format() {
    return CorpusFormat.WARC;
  }

  /** Six records: warcinfo, request, an HTML page, a PNG, a 301 redirect, a Latin-1 HTML page. */
  @Override
  int expectedArticles() {
    return 2;
  }

  @Override
  void checkArticles(List<RawArticle> articles) {
    assertEquals(List.of("https://post.example.com/news/bridge", "https://town.example.net/cafe-award"),
        articles.stream().map(a -> a.field(RawArticle.URL)).toList());
    assertTrue(articles.get(0).origin().endsWith("pages.warc#3"), articles.get(0).origin());
    assertTrue(articles.get(1).origin().endsWith("pages.warc#6"), articles.get(1).origin());
    assertTrue(articles.get(0).content().contains("Old bridge reopens to cyclists"));
    assertTrue(articles.get(1).content().contains("Corner café wins"), "decoded with the HTTP charset, ISO-8859-1");
  }

  @Test
  void readsPerRecordGzipAsCrawlsShipIt() throws IOException {
    Path gz = Reading.copyResource("pages-per-record.warc.gz", dir.resolve("crawl").resolve("pages.warc.gz"));
    Reading r = Reading.of(gz);
    assertEquals(List.of(), r.problems);
    assertEquals(List.of("https://post.example.com/news/bridge", "https://town.example.net/cafe-award"),
        r.articles.stream().map(a -> a.field(RawArticle.URL)).toList());
  }

  /**
   * A Content-Type that jwarc's lenient parser still rejects (a control character in it; found by
   * {@code ReaderFuzzTest}): reported for its record, the payload decides (here, an HTML page), and the records
   * after it are read as usual.
   */
  @Test
  void anUnparsableContentTypeIsReportedAndThePayloadDecides() throws IOException {
    String warc = new String(Reading.class.getResourceAsStream("pages.warc").readAllBytes(), StandardCharsets.ISO_8859_1);
    String broken = warc.replaceFirst("Content-Type: text/html; charset=utf-8", "Content-Type: tex\u0001/html; charset=utf-8")
        .replaceFirst("Content-Type: image/png", "Content-Type: imag\u0001/png");
    Path file = Files.write(dir.resolve("broken-type.warc"), broken.getBytes(StandardCharsets.ISO_8859_1));
    Reading r = Reading.of(file);
    assertEquals(List.of("https://post.example.com/news/bridge", "https://town.example.net/cafe-award"),
        r.articles.stream().map(a -> a.field(RawArticle.URL)).toList(), () -> "the page is still read, the PNG is not HTML: " + r.problems);
    assertEquals(List.of(file + "#3", file + "#4"), r.problems.stream().map(InputProblem::location).toList(), r.problems.toString());
    assertTrue(r.problems.stream().allMatch(p -> p.kind() == InputProblem.Kind.BAD_RECORD && !p.skipped()
        && p.reason().contains("unreadable Content-Type")), r.problems.toString());
  }

  /** A WARC response record for {@code url} whose block is the HTTP response {@code head} + CRLF CRLF + {@code body}. */
  private static byte[] response(String url, String head, byte[] body) throws IOException {
    java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream();
    block.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    block.write(body);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url
        + "\r\nWARC-Date: 2020-09-27T17:38:00Z\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.randomUUID()
        + ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + block.size() + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.write(block.toByteArray());
    out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  private static byte[] page(String title) {
    return ("<html><head><title>" + title + "</title></head><body><p>" + title + " and more text.</p></body></html>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] compress(byte[] data, java.util.zip.Deflater deflater) {
    deflater.setInput(data);
    deflater.finish();
    byte[] buf = new byte[data.length + 64];
    int n = deflater.deflate(buf);
    return java.util.Arrays.copyOf(buf, n);
  }

  /**
   * Bodies the way servers send them: zlib and raw deflate, no Content-Length (HTTP/1.0, the body runs to the end of
   * the block), chunked. One that cannot be decoded (brotli, or "gzip" that is cut short) costs its record only.
   */
  @Test
  void eachBodyIsDecodedOrSkippedOnItsOwn() throws IOException {
    java.io.ByteArrayOutputStream warc = new java.io.ByteArrayOutputStream();
    String ok = "HTTP/1.1 200 OK\r\nContent-Type: text/html";
    byte[] zlib = compress(page("Zlib deflate"), new java.util.zip.Deflater());
    byte[] raw = compress(page("Raw deflate"), new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true));
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(page("Cut gzip"));
    }
    byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
    byte[] chunked = ("5\r\n" + new String(page("Chunked"), StandardCharsets.ISO_8859_1).substring(0, 5) + "\r\n"
        + Integer.toHexString(page("Chunked").length - 5) + "\r\n"
        + new String(page("Chunked"), StandardCharsets.ISO_8859_1).substring(5) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    warc.write(response("https://a.example/1", ok + "\r\nContent-Encoding: deflate\r\nContent-Length: " + zlib.length, zlib));
    warc.write(response("https://a.example/2", ok + "\r\nContent-Encoding: br\r\nContent-Length: 4", new byte[] {1, 2, 3, 4}));
    warc.write(response("https://a.example/3", ok + "\r\nContent-Encoding: gzip\r\nContent-Length: " + cut.length, cut));
    warc.write(response("https://a.example/4", "HTTP/1.0 200 OK\r\nContent-Type: text/html", page("No length")));
    warc.write(response("https://a.example/5", ok + "\r\nContent-Encoding: deflate", raw));
    warc.write(response("https://a.example/6", ok + "\r\nTransfer-Encoding: chunked", chunked));
    Path file = Files.write(dir.resolve("encodings.warc"), warc.toByteArray());
    Reading r = Reading.of(file);
    assertEquals(List.of("https://a.example/1", "https://a.example/4", "https://a.example/5", "https://a.example/6"),
        r.articles.stream().map(a -> a.field(RawArticle.URL)).toList(), r.problems.toString());
    assertTrue(r.articles.get(0).content().contains("Zlib deflate and more text"), r.articles.get(0).content());
    assertTrue(r.articles.get(1).content().contains("No length and more text.</p></body></html>"));
    assertTrue(r.articles.get(2).content().contains("Raw deflate and more text"));
    assertTrue(r.articles.get(3).content().contains("Chunked and more text.</p></body></html>"), r.articles.get(3).content());
    assertEquals(List.of(file + "#2", file + "#3"), r.problems.stream().map(InputProblem::location).toList(), r.problems.toString());
    assertTrue(r.problems.get(0).reason().contains("Content-Encoding 'br' is not supported") && r.problems.get(0).skipped(),
        r.problems.get(0).reason());
    assertTrue(r.problems.stream().allMatch(p -> p.kind() == InputProblem.Kind.BAD_RECORD), r.problems.toString());
  }

  /** A body that inflates past the payload limit is too large, found without inflating it all; a record without a url is skipped. */
  @Test
  void aBombIsTooLargeAndARecordWithoutAUrlIsSkipped() throws IOException {
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i <= WarcCorpusReader.MAX_PAYLOAD >> 20; i++) {
        out.write(zeros);
      }
    }
    java.io.ByteArrayOutputStream warc = new java.io.ByteArrayOutputStream();
    warc.write(response("https://a.example/bomb", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
        + "Content-Length: " + gz.size(), gz.toByteArray()));
    warc.write(new String(response("https://a.example/nourl", "HTTP/1.1 200 OK\r\nContent-Type: text/html", page("No url")),
        StandardCharsets.ISO_8859_1).replace("WARC-Target-URI: https://a.example/nourl\r\n", "").getBytes(StandardCharsets.ISO_8859_1));
    warc.write(response("https://a.example/after", "HTTP/1.1 200 OK\r\nContent-Type: text/html", page("After")));
    Path file = Files.write(dir.resolve("bomb.warc"), warc.toByteArray());
    Reading r = Reading.of(file);
    assertEquals(List.of("https://a.example/after"), r.articles.stream().map(a -> a.field(RawArticle.URL)).toList());
    assertEquals(List.of(InputProblem.Kind.TOO_LARGE, InputProblem.Kind.BAD_RECORD),
        r.problems.stream().map(InputProblem::kind).toList(), r.problems.toString());
    assertTrue(r.problems.get(1).reason().contains("no WARC-Target-URI"), r.problems.get(1).reason());
  }

  /** UTF-8 bytes win over a declared Latin-1 (a page re-encoded keeps its old header); a declared UTF-16 is no use on bytes. */
  @Test
  void utf8BytesWinOverAStaleDeclaration() throws IOException {
    java.io.ByteArrayOutputStream warc = new java.io.ByteArrayOutputStream();
    warc.write(response("https://a.example/latin", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1",
        page("Café crème")));
    warc.write(response("https://a.example/utf16", "HTTP/1.1 200 OK\r\nContent-Type: text/html",
        ("<html><head><meta charset=\"utf-16\"><title>Plain</title></head><body><p>Plain ASCII text.</p></body></html>")
            .getBytes(StandardCharsets.US_ASCII)));
    Reading r = Reading.of(Files.write(dir.resolve("stale.warc"), warc.toByteArray()));
    assertTrue(r.articles.get(0).content().contains("Café crème"), r.articles.get(0).content());
    assertTrue(r.articles.get(1).content().contains("Plain ASCII text."), r.articles.get(1).content());
    assertEquals(List.of(), r.problems);
  }

  /** A Content-Length jwarc cannot read (found by ReaderFuzzTest) stops the file with a message, not an exception. */
  @Test
  void anUnreadableContentLengthStopsTheFileWithAMessage() throws IOException {
    java.io.ByteArrayOutputStream warc = new java.io.ByteArrayOutputStream();
    warc.write(response("https://a.example/ok", "HTTP/1.1 200 OK\r\nContent-Type: text/html", page("Kept")));
    warc.write(new String(response("https://a.example/bad", "HTTP/1.1 200 OK\r\nContent-Type: text/html", page("Bad")),
        StandardCharsets.ISO_8859_1).replaceFirst("Content-Length: (\\d)", "Content-Length: \u00ff$1").getBytes(StandardCharsets.ISO_8859_1));
    Path file = Files.write(dir.resolve("bad-length.warc"), warc.toByteArray());
    Reading r = Reading.of(file);
    assertEquals(List.of("https://a.example/ok"), r.articles.stream().map(a -> a.field(RawArticle.URL)).toList());
    assertEquals(List.of(InputProblem.Kind.TRUNCATED), r.problems.stream().map(InputProblem::kind).toList(), r.problems.toString());
  }
}
