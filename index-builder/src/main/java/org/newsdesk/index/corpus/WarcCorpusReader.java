package org.newsdesk.index.corpus;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Reads WARC and WARC.gz files (as news crawls such as CC-NEWS are distributed) with jwarc: every HTML
 * {@code response} (or {@code resource}) record with a 2xx status becomes an article whose url is the record's
 * {@code WARC-Target-URI}; the HTML cleaner then extracts it.
 *
 * <p>Other records (requests, metadata, images, redirects) are passed over silently: they are not articles. Records
 * are located as {@code file#N}, N counting every record from 1. A record cut short ends the file with a
 * {@link InputProblem.Kind#TRUNCATED} problem; the records before it are kept. The page's charset is read as
 * {@link SourceFile#decodePage} says (UTF-8 when the bytes are, else the one the HTTP header or the page declares).
 */
final class WarcCorpusReader implements CorpusReader {
  /** Larger payloads are skipped as {@link InputProblem.Kind#TOO_LARGE}: no news page is this big. */
  static final long MAX_PAYLOAD = 64L << 20;

  @Override
  public void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems) throws IOException {
    try (InputStream in = new BufferedInputStream(file.open(), 1 << 16)) {
      in.mark(16);
      byte[] head = in.readNBytes(5);
      in.reset();
      if (head.length == 0) {
        problems.report(new InputProblem(file.name(), InputProblem.Kind.EMPTY_FILE, "empty file", true));
        return;
      }
      boolean gzip = head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
      if (!gzip && !new String(head, StandardCharsets.ISO_8859_1).equals("WARC/")) {
        problems.report(new InputProblem(file.name(), InputProblem.Kind.BAD_RECORD,
            "not a WARC file (it does not start with 'WARC/'); use --format to say what it is", true));
        return;
      }
      readRecords(file, new WarcReader(in), articles, problems);
    }
  }

  private static void readRecords(SourceFile file, WarcReader warc, Consumer<RawArticle> articles, ProblemSink problems) {
    int[] n = {0};
    warc.onWarning(message -> problems.report(new InputProblem(file.name() + "#" + (n[0] + 1),
        InputProblem.Kind.BAD_RECORD, "WARC warning: " + message, false)));
    while (true) {
      String location = file.name() + "#" + (n[0] + 1);
      try {
        Optional<WarcRecord> next = warc.next();
        if (next.isEmpty()) {
          if (n[0] == 0) {
            problems.report(new InputProblem(file.name(), InputProblem.Kind.EMPTY_FILE, "no WARC records", true));
          }
          return;
        }
        n[0]++;
        try {
          readRecord(next.get(), location, articles, problems);
        } catch (RuntimeException e) {
          // A record whose headers jwarc cannot interpret (it throws unchecked exceptions for some): its block has
          // been read, so the next record is where it should be.
          problems.report(new InputProblem(location, InputProblem.Kind.BAD_RECORD,
              "cannot read this record (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); skipped", true));
        }
      } catch (EOFException | ZipException e) {
        problems.report(new InputProblem(location, InputProblem.Kind.TRUNCATED,
            "WARC file ends inside this record (" + Corpus.describe(e) + "); the records before it were kept", true));
        return;
      } catch (ParsingException | NumberFormatException e) {
        // the reader stops here: the rest of the file is as lost as after a cut (and a rebuild keeps its articles);
        // jwarc throws NumberFormatException for a Content-Length it cannot read (found by ReaderFuzzTest)
        problems.report(new InputProblem(location, InputProblem.Kind.TRUNCATED,
            "malformed WARC record header (" + e.getMessage() + "); the rest of the file cannot be located, stopped here", true));
        return;
      } catch (IOException e) {
        problems.report(new InputProblem(location, InputProblem.Kind.UNREADABLE,
            "cannot read: " + Corpus.describe(e) + "; the records before it were kept", true));
        return;
      }
    }
  }

  private static void readRecord(WarcRecord record, String location, Consumer<RawArticle> articles, ProblemSink problems)
      throws IOException {
    if (!(record instanceof WarcResponse) && !(record instanceof WarcResource)) {
      return;
    }
    String url = ((WarcTargetRecord) record).target();
    if (url == null || url.isBlank()) {
      record.body().consume();
      problems.report(new InputProblem(location, InputProblem.Kind.BAD_RECORD,
          "record has no WARC-Target-URI, so the page has no url; skipped", true));
      return;
    }
    long declared = record.body().size();
    if (declared > MAX_PAYLOAD) {
      record.body().consume();
      problems.report(new InputProblem(location, InputProblem.Kind.TOO_LARGE,
          "record for " + url + " is " + declared + " bytes, over the " + MAX_PAYLOAD + "-byte limit; skipped", true));
      return;
    }
    byte[] block = record.body().stream().readAllBytes();
    if (block.length < declared) {
      throw new EOFException("record has " + block.length + " of its " + declared + " bytes");
    }
    MediaType type;
    byte[] payload;
    if (record instanceof WarcResponse) {
      HttpResponse http;
      try {
        // the headers only: HttpBody takes the body from the block (jwarc refuses one without a length)
        http = HttpResponse.parseWithoutBody(Channels.newChannel(new ByteArrayInputStream(block)),
            Channels.newChannel(java.io.OutputStream.nullOutputStream()));
      } catch (ParsingException e) {
        problems.report(new InputProblem(location, InputProblem.Kind.BAD_RECORD,
            "malformed HTTP response for " + url + " (" + e.getMessage() + "); skipped", true));
        return;
      }
      if (http.status() < 200 || http.status() >= 300) {
        return;
      }
      type = contentType(http::contentType, location, problems);
      try {
        payload = HttpBody.of(block, http.headers());
      } catch (IOException e) {
        // the record was read whole: a body that cannot be decoded costs this record, not the ones after it
        problems.report(new InputProblem(location, InputProblem.Kind.BAD_RECORD,
            "cannot decode the HTTP body for " + url + " (" + e.getMessage() + "); skipped", true));
        return;
      }
      if (payload.length > MAX_PAYLOAD) {
        problems.report(new InputProblem(location, InputProblem.Kind.TOO_LARGE, "page at " + url + " decompresses to"
            + " more than " + MAX_PAYLOAD + " bytes; skipped", true));
        return;
      }
    } else {
      type = contentType(record::contentType, location, problems);
      payload = block;
    }
    if (!isHtml(type, payload)) {
      return;
    }
    String html = decode(type, payload, location, problems);
    Map<String, String> fields = new HashMap<>();
    fields.put(RawArticle.URL, url);
    articles.accept(new RawArticle(location, CorpusFormat.WARC, html, fields, SourceFile.hash(payload)));
  }

  /**
   * The declared content type, or null (the payload is then sniffed, as for an untyped record) when the header
   * cannot be parsed: jwarc's lenient parser still throws on some bytes, such as a control character in it.
   */
  private static MediaType contentType(java.util.function.Supplier<MediaType> header, String location, ProblemSink problems) {
    try {
      return header.get();
    } catch (IllegalArgumentException e) {
      problems.report(new InputProblem(location, InputProblem.Kind.BAD_RECORD,
          "unreadable Content-Type (" + e.getMessage() + "); the payload decides whether it is HTML", false));
      return null;
    }
  }

  private static boolean isHtml(MediaType type, byte[] payload) {
    String base = type == null ? "" : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
    if (base.equals("text/html") || base.equals("application/xhtml+xml")) {
      return true;
    }
    if (!base.isEmpty() && !base.equals("application/octet-stream") && !base.equals("text/plain")) {
      return false;
    }
    String head = new String(payload, 0, Math.min(payload.length, 1024), StandardCharsets.ISO_8859_1).stripLeading()
        .toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html");
  }

  private static String decode(MediaType type, byte[] payload, String location, ProblemSink problems) {
    SourceFile.Decoded decoded = SourceFile.decodePage(payload, type == null ? null : type.parameters().get("charset"));
    if (decoded.fellBack()) {
      problems.report(new InputProblem(location, InputProblem.Kind.BAD_ENCODING,
          "page is not valid UTF-8 (first bad byte on its line " + decoded.firstBadLine() + "); " + decoded.readAs(), false));
    }
    return decoded.text();
  }
}
