package org.newsdesk.bench.extraction;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * same run. Reports the median of N timed runs after two warm-up runs, in MB per CPU-second of the measuring
 * thread (the build machine is shared, so wall time mostly measures the neighbours), plus wall-clock MB/s.
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
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    List<Double> cleanMbs = new ArrayList<>();
    List<Double> parseMbs = new ArrayList<>();
    List<Double> cleanWall = new ArrayList<>();
    long textChars = 0;
    for (int i = 0; i < runs; i++) {
      long w0 = System.nanoTime();
      long c0 = cpu.getCurrentThreadCpuTime();
      textChars = clean(cleaner, raws);
      long c1 = cpu.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      long sink = parse(raws);
      long c2 = cpu.getCurrentThreadCpuTime();
      cleanMbs.add(bytes / 1e6 / ((c1 - c0) / 1e9));
      parseMbs.add(bytes / 1e6 / ((c2 - c1) / 1e9));
      cleanWall.add(bytes / 1e6 / ((w1 - w0) / 1e9));
      if (sink == 42) {
        System.out.print("");
      }
    }
    double clean = median(cleanMbs);
    double parse = median(parseMbs);
    System.out.printf(Locale.ROOT, "HTML cleaning throughput, 1 thread, %d pages, %.1f MB of HTML -> %.2f M chars of"
        + " article text, median of %d runs, MB of HTML per CPU-second%n", pages.size(), bytes / 1e6,
        textChars / 1e6, runs);
    System.out.printf(Locale.ROOT, "  HtmlArticleCleaner (parse + metadata + extraction): %7.1f MB/s  (%.0f pages/s,"
        + " %.2f MB/s of article text out)%n", clean, clean * 1e6 / bytes * pages.size(), clean * textChars / bytes);
    System.out.printf(Locale.ROOT, "  baseline: jsoup parse only                          %7.1f MB/s%n", parse);
    System.out.printf(Locale.ROOT, "  cleaning costs %.2fx the parse alone; wall-clock MB/s (shared machine): median"
        + " %.1f, runs %s%n", parse / clean, median(cleanWall),
        cleanWall.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
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
