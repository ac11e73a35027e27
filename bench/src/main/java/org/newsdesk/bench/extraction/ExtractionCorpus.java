package org.newsdesk.bench.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** The extraction corpus: {@code ground-truth.json} plus {@code html/<id>.html.gz}, as its SOURCE.md describes. */
final class ExtractionCorpus {
  /** One page with its gold article body. */
  record Page(String id, String url, String gold, byte[] html) {
    String htmlText() {
      return new String(html, StandardCharsets.UTF_8);
    }
  }

  private ExtractionCorpus() {}

  /** The default location: {@code ../shared/corpora/extraction} next to the repository. */
  static Path defaultDir() {
    String home = System.getProperty("newsdesk.home", ".");
    return Path.of(home).toAbsolutePath().normalize().resolveSibling("shared").resolve("corpora").resolve("extraction");
  }

  /** Reads every page, in ground-truth order. */
  static List<Page> load(Path dir) throws IOException {
    Path truth = dir.resolve("ground-truth.json");
    if (!Files.isRegularFile(truth)) {
      throw new IOException(truth + ": not found; pass the corpus directory as --corpus DIR");
    }
    JsonNode root = new ObjectMapper().readTree(truth.toFile());
    List<Page> pages = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path html = dir.resolve("html").resolve(e.getKey() + ".html.gz");
      pages.add(new Page(e.getKey(), e.getValue().path("url").asText(null),
          e.getValue().path("articleBody").asText(""), gunzip(html)));
    }
    return pages;
  }

  private static byte[] gunzip(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }
}
