package org.newsdesk.bench.indexing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.clean.ArticleCleaners;
import org.newsdesk.index.clean.SkippedArticleException;
import org.newsdesk.index.corpus.Corpus;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.index.corpus.SourceFile;
import org.newsdesk.index.enrich.GazetteerEntityTagger;
import org.newsdesk.model.Article;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;

/**
 * Per-stage cost of newsdesk's pipeline on one thread, in CPU microseconds per article (thread CPU time, so other
 * processes on a shared machine disturb it less than wall time): read, clean, tag, map, and the analysis of the text
 * fields by newsdesk's analyzer against StandardAnalyzer. Each stage runs {@code rounds} times; the median is kept.
 */
final class StageTimer {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private StageTimer() {}

  /** A stage run over all sample articles once. */
  @FunctionalInterface
  interface Stage {
    void run() throws Exception;
  }

  /** Times the stages on the first {@code limit} articles under {@code corpus}. */
  static Map<String, Double> measure(Path corpus, Gazetteer gazetteer, int limit, int rounds) throws Exception {
    List<SourceFile> files = Corpus.scan(List.of(corpus), Optional.empty(), p -> {});
    List<RawArticle> raws = new ArrayList<>();
    Stage read = () -> {
      raws.clear();
      for (SourceFile f : files) {
        if (raws.size() >= limit) {
          break;
        }
        Corpus.read(f, r -> {
          if (raws.size() < limit) {
            raws.add(r);
          }
        }, p -> {});
      }
    };
    read.run();
    ArticleCleaners cleaners = ArticleCleaners.defaults();
    GazetteerEntityTagger tagger = new GazetteerEntityTagger(gazetteer);
    List<Article> cleaned = new ArrayList<>();
    for (RawArticle r : raws) {
      try {
        cleaned.add(cleaners.clean(r));
      } catch (SkippedArticleException e) {
        // counted by the real pipeline; not part of the timing
      }
    }
    List<Article> tagged = cleaned.stream().map(tagger::tag).toList();
    Analyzer news = NewsAnalyzers.forIndexing();
    Analyzer standard = new StandardAnalyzer();
    long[] sink = new long[1];

    Map<String, Stage> stages = new LinkedHashMap<>();
    stages.put("read (scan, decode, parse, hash; one pass reads all files)", read);
    stages.put("clean", () -> {
      for (RawArticle r : raws) {
        sink[0] += cleaners.clean(r).body().length();
      }
    });
    stages.put("tag", () -> {
      for (Article a : cleaned) {
        sink[0] += tagger.tag(a).entities().size();
      }
    });
    stages.put("map (Article -> Document)", () -> {
      for (Article a : tagged) {
        sink[0] += ArticleDocuments.toDocument(a).getFields().size();
      }
    });
    stages.put("analyze with newsdesk's analyzer (title, caption, body)", () -> {
      for (Article a : tagged) {
        sink[0] += tokens(news, NewsField.TITLE.fieldName(), a.title()) + tokens(news, NewsField.CAPTION.fieldName(), a.caption())
            + tokens(news, NewsField.BODY.fieldName(), a.body());
      }
    });
    stages.put("analyze with StandardAnalyzer (title, body) [baseline]", () -> {
      for (Article a : tagged) {
        sink[0] += tokens(standard, "title", a.title()) + tokens(standard, "body", a.body());
      }
    });
    Map<String, Double> micros = new LinkedHashMap<>();
    for (Map.Entry<String, Stage> e : stages.entrySet()) {
      double[] perArticle = new double[rounds];
      e.getValue().run(); // warm-up
      for (int r = 0; r < rounds; r++) {
        long start = THREADS.getCurrentThreadCpuTime();
        e.getValue().run();
        perArticle[r] = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / Math.max(1, raws.size());
      }
      micros.put(e.getKey(), new Stats(perArticle).median());
    }
    news.close();
    standard.close();
    if (sink[0] == 42) {
      System.out.print("");
    }
    return micros;
  }

  private static long tokens(Analyzer analyzer, String field, String text) throws IOException {
    if (text == null) {
      return 0;
    }
    long n = 0;
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      ts.reset();
      while (ts.incrementToken()) {
        n++;
      }
      ts.end();
    }
    return n;
  }

  /** Lines for people. */
  static List<String> describe(Map<String, Double> micros, int articles) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "stage costs on one thread, CPU microseconds per article (median of rounds, %d articles):", articles));
    micros.forEach((k, v) -> lines.add(String.format(Locale.ROOT, "  %8.1f  %s", v, k)));
    return lines;
  }
}
