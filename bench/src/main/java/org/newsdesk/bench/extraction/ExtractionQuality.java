package org.newsdesk.bench.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.newsdesk.index.clean.HtmlArticleCleaner;
import org.newsdesk.index.clean.SkippedArticleException;
import org.newsdesk.index.clean.html.ExtractedPage;
import org.newsdesk.index.clean.html.HtmlExtractor;
import org.newsdesk.index.corpus.CorpusFormat;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.model.Article;

/**
 * {@code bench/run extraction [--corpus DIR] [--worst N] [--dump DIR] [--page ID]}: runs the HTML cleaner on every
 * page of the extraction corpus and scores it with the benchmark's own metric (4-token shingles, mean precision and
 * recall over pages, F1 of the means, accuracy), next to the "plain text of the whole page" baseline as a check of
 * the metric (published: F1 0.665). Prints the worst pages with the reason each fails. {@code --dump DIR} writes
 * per page the predicted body, the gold body and every field of the extracted page ({@code ID.page.txt}), so
 * that the output of two versions can be compared page by page with {@code diff -r}.
 */
public final class ExtractionQuality {
  private ExtractionQuality() {}

  /** Entry point. */
  public static void main(String[] args) throws IOException {
    Path dir = ExtractionCorpus.defaultDir();
    int worst = 10;
    Path dump = null;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> dir = Path.of(args[++i]);
        case "--worst" -> worst = Integer.parseInt(args[++i]);
        case "--dump" -> dump = Path.of(args[++i]);
        case "--page" -> only = args[++i];
        default -> throw new IllegalArgumentException("unknown argument '" + args[i]
            + "'; usage: extraction [--corpus DIR] [--worst N] [--dump DIR] [--page ID]");
      }
    }
    List<ExtractionCorpus.Page> pages = ExtractionCorpus.load(dir);
    if (only != null) {
      String prefix = only;
      pages = pages.stream().filter(p -> p.id().startsWith(prefix)).toList();
    }
    HtmlArticleCleaner cleaner = new HtmlArticleCleaner();
    HtmlExtractor extractor = new HtmlExtractor();

    int[] found = new int[5]; // title, published, source, author, caption
    List<PageResult> ours = new ArrayList<>();
    List<PageResult> baseline = new ArrayList<>();
    long start = System.nanoTime();
    for (ExtractionCorpus.Page page : pages) {
      Article article = cleaned(cleaner, page);
      String predicted = article == null ? "" : article.body();
      if (article != null) {
        found[0] += article.title() != null ? 1 : 0;
        found[1] += article.published() != null ? 1 : 0;
        found[2] += article.source() != null ? 1 : 0;
        found[3] += article.author() != null ? 1 : 0;
        found[4] += article.caption() != null ? 1 : 0;
      }
      ours.add(new PageResult(page, predicted, ShingleMetric.score(page.gold(), predicted)));
      String plain = plainText(page.htmlText());
      baseline.add(new PageResult(page, plain, ShingleMetric.score(page.gold(), plain)));
      if (dump != null) {
        Files.createDirectories(dump);
        Files.writeString(dump.resolve(page.id().substring(0, 12) + ".pred.txt"), predicted, StandardCharsets.UTF_8);
        Files.writeString(dump.resolve(page.id().substring(0, 12) + ".gold.txt"), page.gold(), StandardCharsets.UTF_8);
        // Every field the extractor returns, so that two versions' dumps can be compared with diff -r.
        Files.writeString(dump.resolve(page.id().substring(0, 12) + ".page.txt"),
            extractor.extract(page.htmlText(), page.url()).toString(), StandardCharsets.UTF_8);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    System.out.printf(Locale.ROOT, "extraction corpus: %s (%d pages, %.1f s for both systems)%n%n", dir,
        pages.size(), seconds);
    System.out.printf(Locale.ROOT, "%-34s %9s %9s %9s %9s%n", "system", "F1", "precision", "recall", "accuracy");
    print("newsdesk HtmlArticleCleaner", ours);
    print("plain text of the whole page", baseline);
    System.out.println();
    System.out.println("published, same metric: trafilatura 2.0.0 0.958, readability.js 0.947, readability-lxml 0.922,"
        + " goose3 0.896, boilerpipe 0.860, plain text 0.665");
    System.out.println();
    System.out.printf(Locale.ROOT, "metadata found (not scored, no gold): title %d, published %d, source %d,"
        + " author %d, caption %d of %d pages%n", found[0], found[1], found[2], found[3], found[4], pages.size());
    System.out.println();
    System.out.printf(Locale.ROOT, "%d worst pages (by per-page F1):%n", Math.min(worst, ours.size()));
    List<PageResult> sorted = new ArrayList<>(ours);
    sorted.sort(Comparator.comparingDouble(PageResult::f1));
    for (PageResult r : sorted.subList(0, Math.min(worst, sorted.size()))) {
      ExtractedPage x = extractor.extract(r.page.htmlText(), r.page.url());
      System.out.printf(Locale.ROOT, "  %s %-28s P=%.2f R=%.2f  %s%n", r.page.id().substring(0, 10),
          host(r.page.url()), r.score.precision(), r.score.recall(), reason(r, x.contentPath()));
    }
  }

  private static Article cleaned(HtmlArticleCleaner cleaner, ExtractionCorpus.Page page) {
    RawArticle raw = new RawArticle(page.id(), CorpusFormat.HTML, page.htmlText(),
        page.url() == null ? null : java.util.Map.of(RawArticle.URL, page.url()), page.id());
    try {
      return cleaner.clean(raw);
    } catch (SkippedArticleException e) {
      return null;
    }
  }

  /** The baseline: all text of the page, scripts and styles excluded (as html-text and BeautifulSoup do). */
  static String plainText(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, noscript, template").remove();
    return doc.text();
  }

  private static void print(String name, List<PageResult> results) {
    double p = results.stream().mapToDouble(r -> r.score.precision()).average().orElse(0);
    double r = results.stream().mapToDouble(x -> x.score.recall()).average().orElse(0);
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    double acc = results.stream().filter(x -> x.score.exact()).count() / (double) Math.max(1, results.size());
    System.out.printf(Locale.ROOT, "%-34s %9.3f %9.3f %9.3f %9.3f%n", name, f1, p, r, acc);
  }

  /** Why a page scores badly: which paragraphs were extra or missing, with the first of each. */
  static String reason(PageResult r, String anchor) {
    if (r.predicted.isBlank()) {
      return "extracted nothing (anchored on " + anchor + ")";
    }
    List<String> extra = unmatched(r.predicted, r.page.gold());
    List<String> missed = unmatched(r.page.gold(), r.predicted);
    int predParas = paragraphs(r.predicted).size();
    int goldParas = paragraphs(r.page.gold()).size();
    StringBuilder b = new StringBuilder();
    if (r.score.recall() < 0.2) {
      b.append("picked the wrong block ");
    }
    b.append("anchored on ").append(anchor).append("; ");
    if (!extra.isEmpty()) {
      b.append(String.format(Locale.ROOT, "%d/%d extracted paragraphs not in gold (e.g. \"%s\")", extra.size(),
          predParas, snippet(extra.get(0))));
    }
    if (!missed.isEmpty()) {
      if (!extra.isEmpty()) {
        b.append("; ");
      }
      b.append(String.format(Locale.ROOT, "missed %d/%d gold paragraphs (e.g. \"%s\")", missed.size(), goldParas,
          snippet(missed.get(0))));
    }
    return b.toString();
  }

  /** Paragraphs of {@code text} whose shingles are mostly absent from {@code other}. */
  private static List<String> unmatched(String text, String other) {
    Set<String> otherShingles = new HashSet<>(ShingleMetric.shingles(other).keySet());
    List<String> out = new ArrayList<>();
    for (String para : paragraphs(text)) {
      var sh = ShingleMetric.shingles(para).keySet();
      if (sh.isEmpty() || ShingleMetric.tokens(para).size() < 3) {
        continue;
      }
      long found = sh.stream().filter(otherShingles::contains).count();
      if (found * 2 < sh.size()) {
        out.add(para);
      }
    }
    return out;
  }

  private static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.split("\\n\\s*\\n|\\n")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static String snippet(String s) {
    String t = s.replaceAll("\\s+", " ");
    return t.length() <= 50 ? t : t.substring(0, 50) + "…";
  }

  private static String host(String url) {
    return url == null ? "?" : url.replaceFirst("^https?://(www\\.)?", "").replaceFirst("/.*$", "");
  }

  /** One page's prediction and score. */
  record PageResult(ExtractionCorpus.Page page, String predicted, ShingleMetric.Score score) {
    double f1() {
      double p = score.precision();
      double r = score.recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

}
