package org.newsdesk.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.newsdesk.bench.corpus.ArticleGenerator;
import org.newsdesk.gazetteer.Gazetteer;

/**
 * {@code bench/run tokenizer [--articles N] [--rounds R]}: what {@link NewsTokenizer} saves over Lucene's
 * {@code StandardTokenizer}, alone and inside newsdesk's whole index-time chain, in CPU microseconds per body.
 *
 * <p>Bodies: N synthetic articles (the project's generator, seed 42, as {@code corpus-jsonl-*-seed42}) and, when
 * {@code ../shared/corpora/bbc} exists, the 2,225 BBC articles. Each round times, on one thread (thread CPU time),
 * Lucene's tokenizer, ours, the chain on Lucene's tokenizer and the chain on ours, over all bodies of a set, in an
 * order that alternates between rounds; after two warm-up rounds, the medians of R rounds and the median of the
 * per-round ratios are printed. Token counts are checked equal. Lives in the analysis package to reach the
 * package-private tokenizer and the chain's tokenizer seam without making either public.
 */
public final class TokenizerBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private TokenizerBenchmark() {}

  public static void main(String[] args) throws IOException {
    int articles = 5_000;
    int rounds = 15;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("usage: bench/run tokenizer [--articles N] [--rounds R]");
          System.exit(2);
        }
      }
    }
    Map<String, List<String>> sets = new LinkedHashMap<>();
    ArticleGenerator generator = ArticleGenerator.of(42, 0, Gazetteer.defaults());
    List<String> synthetic = new ArrayList<>(articles);
    for (int i = 0; i < articles; i++) {
      synthetic.add(generator.article(i).body());
    }
    sets.put("synthetic (seed 42)", synthetic);
    Path bbc = Path.of(System.getProperty("newsdesk.home", "."), "..", "shared", "corpora", "bbc").normalize();
    if (Files.isDirectory(bbc)) {
      try (Stream<Path> files = Files.walk(bbc)) {
        List<String> texts = new ArrayList<>();
        for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
          texts.add(Files.readString(f, StandardCharsets.ISO_8859_1));
        }
        sets.put("BBC (" + bbc + ")", texts);
      }
    } else {
      System.out.println("(no " + bbc + ": BBC set skipped)");
    }
    System.out.printf("one thread, CPU µs per body, median of %d alternating rounds after 2 warm-up rounds%n", rounds);
    for (Map.Entry<String, List<String>> set : sets.entrySet()) {
      run(set.getKey(), set.getValue(), rounds);
    }
  }

  private static void run(String name, List<String> bodies, int rounds) throws IOException {
    long chars = bodies.stream().mapToLong(String::length).sum();
    Tokenizer lucene = new StandardTokenizer();
    Tokenizer ours = new NewsTokenizer();
    Analyzer chainLucene = new NewsAnalyzer(NewsAnalyzer.Mode.INDEX, NewsAnalyzer.Options.DEFAULT, StandardTokenizer::new);
    Analyzer chainOurs = new NewsAnalyzer(NewsAnalyzer.Mode.INDEX, NewsAnalyzer.Options.DEFAULT, NewsTokenizer::new);
    List<Supplier<Long>> timed = List.of(
        () -> tokenize(lucene, bodies), () -> tokenize(ours, bodies),
        () -> analyze(chainLucene, bodies), () -> analyze(chainOurs, bodies));
    double[][] micros = new double[4][rounds];
    long[] tokens = new long[4];
    for (int r = -2; r < rounds; r++) {
      for (int k = 0; k < 4; k++) {
        // Alternate which of each pair goes first, so drift and warm caches favour neither.
        int i = (r & 1) == 0 ? k : k ^ 1;
        long start = THREADS.getCurrentThreadCpuTime();
        tokens[i] = timed.get(i).get();
        double us = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / bodies.size();
        if (r >= 0) {
          micros[i][r] = us;
        }
      }
    }
    if (tokens[0] != tokens[1] || tokens[2] != tokens[3]) {
      throw new IllegalStateException("token counts differ: " + Arrays.toString(tokens));
    }
    System.out.printf("%n%s: %,d bodies, %,.0f chars per body, %,.0f tokens per body%n", name, bodies.size(),
        (double) chars / bodies.size(), (double) tokens[0] / bodies.size());
    print("tokenizer alone", micros[0], micros[1]);
    print("whole index chain", micros[2], micros[3]);
  }

  private static void print(String what, double[] lucene, double[] ours) {
    double[] ratios = new double[lucene.length];
    for (int r = 0; r < ratios.length; r++) {
      ratios[r] = lucene[r] / ours[r];
    }
    Arrays.sort(ratios);
    System.out.printf("  %-18s StandardTokenizer %7.2f µs   NewsTokenizer %7.2f µs   %.2fx (per-round ratios %.2f-%.2f,"
        + " median %.2f)%n", what, median(lucene), median(ours), median(lucene) / median(ours), ratios[0],
        ratios[ratios.length - 1], median(ratios));
  }

  private static long tokenize(Tokenizer tokenizer, List<String> bodies) {
    long n = 0;
    try {
      for (String body : bodies) {
        tokenizer.setReader(new StringReader(body));
        tokenizer.reset();
        while (tokenizer.incrementToken()) {
          n++;
        }
        tokenizer.end();
        tokenizer.close();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return n;
  }

  private static long analyze(Analyzer analyzer, List<String> bodies) {
    long n = 0;
    try {
      for (String body : bodies) {
        try (TokenStream ts = analyzer.tokenStream("body", body)) {
          ts.reset();
          while (ts.incrementToken()) {
            n++;
          }
          ts.end();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return n;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
