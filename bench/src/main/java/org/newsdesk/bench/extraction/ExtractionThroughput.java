package org.newsdesk.bench.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.newsdesk.index.clean.HtmlArticleCleaner;
import org.newsdesk.index.clean.SkippedArticleException;
import org.newsdesk.index.corpus.CorpusFormat;
import org.newsdesk.index.corpus.RawArticle;

/**
 * {@code bench/run extraction-speed [--corpus DIR] [--runs N]}: HTML cleaning throughput on one core, in MB of
 * HTML per second: the whole {@link HtmlArticleCleaner} (parse, metadata, extraction, normalization) over every
 * page of the extraction corpus, against the bare jsoup parse of the same pages as the baseline, measured in the
 * same run. Reports the median of N timed runs after two warm-up runs.
 */
public final class ExtractionThroughput {
  private ExtractionThroughput() {}

  /** Entry point. */
  public static void main(String[] args) throws IOException {
    Path dir = ExtractionCorpus.defaultDir();
    int runs = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> dir = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument '" + args[i]
            + "'; usage: extraction-speed [--corpus DIR] [--runs N]");
      }
    }
    List<ExtractionCorpus.Page> pages = ExtractionCorpus.load(dir);
    List<RawArticle> raws = new ArrayList<>();
    long bytes = 0;
    for (ExtractionCorpus.Page p : pages) {
      raws.add(new RawArticle(p.id(), CorpusFormat.HTML, p.htmlText(),
          p.url() == null ? null : Map.of(RawArticle.URL, p.url()), p.id()));
      bytes += p.html().length;
    }
    HtmlArticleCleaner cleaner = new HtmlArticleCleaner();
    for (int i = 0; i < 2; i++) {
      clean(cleaner, raws);
      parse(raws);
    }
    List<Double> cleanMbs = new ArrayList<>();
    List<Double> parseMbs = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      long sink = clean(cleaner, raws);
      long t1 = System.nanoTime();
      sink += parse(raws);
      long t2 = System.nanoTime();
      cleanMbs.add(bytes / 1e6 / ((t1 - t0) / 1e9));
      parseMbs.add(bytes / 1e6 / ((t2 - t1) / 1e9));
      if (sink == 42) {
        System.out.print("");
      }
    }
    double clean = median(cleanMbs);
    double parse = median(parseMbs);
    System.out.printf(Locale.ROOT, "HTML cleaning throughput, 1 thread, %d pages, %.1f MB of HTML, median of %d runs%n",
        pages.size(), bytes / 1e6, runs);
    System.out.printf(Locale.ROOT, "  HtmlArticleCleaner (parse + metadata + extraction): %7.1f MB/s  (%.0f pages/s)%n",
        clean, clean * 1e6 / bytes * pages.size());
    System.out.printf(Locale.ROOT, "  baseline: jsoup parse only                          %7.1f MB/s%n", parse);
    System.out.printf(Locale.ROOT, "  cleaning costs %.2fx the parse alone; runs (MB/s): %s%n", parse / clean,
        cleanMbs.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
  }

  private static long clean(HtmlArticleCleaner cleaner, List<RawArticle> raws) {
    long chars = 0;
    for (RawArticle raw : raws) {
      try {
        chars += cleaner.clean(raw).body().length();
      } catch (SkippedArticleException e) {
        chars++;
      }
    }
    return chars;
  }

  private static long parse(List<RawArticle> raws) {
    long nodes = 0;
    for (RawArticle raw : raws) {
      nodes += Jsoup.parse(raw.content()).body().childNodeSize();
    }
    return nodes;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
