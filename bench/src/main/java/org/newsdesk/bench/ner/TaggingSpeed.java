package org.newsdesk.bench.ner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.bench.corpus.ArticleGenerator;
import org.newsdesk.bench.corpus.SyntheticArticle;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.enrich.GazetteerEntityTagger;
import org.newsdesk.model.Article;
import org.newsdesk.model.Published;
import org.newsdesk.schema.ArticleDocuments;

/**
 * {@code bench/run ner-speed [--articles N] [--runs R]}: what entity tagging costs next to indexing.
 *
 * <p>On N synthetic articles (the project's generator, over the default gazetteer), each run times on one thread
 * (a) tagging every article with the default gazetteer and (b) indexing the tagged articles (document mapping,
 * analysis, in-memory Lucene index, one commit). Reports the median of R runs after one warm-up run, throughput,
 * and the ratio (a)/(b); plus the one-off cost of building the tagger's trie. Also checks the tagger against the
 * generator's own record of which entities each article names.
 */
public final class TaggingSpeed {
  private TaggingSpeed() {}

  public static void main(String[] args) throws IOException {
    int n = 20_000;
    int runs = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> n = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("usage: bench/run ner-speed [--articles N] [--runs R]");
          System.exit(2);
        }
      }
    }
    Gazetteer gazetteer = Gazetteer.defaults();
    ArticleGenerator generator = ArticleGenerator.of(42, 0, gazetteer);
    List<Article> articles = new ArrayList<>(n);
    List<List<String>> truth = new ArrayList<>(n);
    long chars = 0;
    for (int i = 0; i < n; i++) {
      SyntheticArticle s = generator.article(i);
      articles.add(new Article(s.id(), s.url(), s.source(), s.title(), null, Published.of(s.published()), s.body(),
          s.caption(), s.credit(), null, null, "synthetic.jsonl:" + (i + 1), "h" + i));
      truth.add(s.entityIds());
      chars += s.title().length() + s.body().length() + s.caption().length();
    }
    long buildStart = System.nanoTime();
    GazetteerEntityTagger tagger = new GazetteerEntityTagger(gazetteer);
    double buildMs = (System.nanoTime() - buildStart) / 1e6;

    double[] tagMs = new double[runs];
    double[] indexMs = new double[runs];
    List<Article> tagged = null;
    for (int r = -1; r < runs; r++) {
      long t0 = System.nanoTime();
      List<Article> out = new ArrayList<>(n);
      for (Article a : articles) {
        out.add(tagger.tag(a));
      }
      long t1 = System.nanoTime();
      try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
          IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(NewsAnalyzers.forIndexing()).setRAMBufferSizeMB(64))) {
        for (Article a : out) {
          writer.addDocument(ArticleDocuments.toDocument(a));
        }
        writer.commit();
      }
      long t2 = System.nanoTime();
      if (r >= 0) {
        tagMs[r] = (t1 - t0) / 1e6;
        indexMs[r] = (t2 - t1) / 1e6;
      }
      tagged = out;
    }
    double tag = median(tagMs);
    double index = median(indexMs);
    System.out.printf("%d synthetic articles, %.1f MB of text, %d gazetteer entries; one thread; median of %d runs after a warm-up%n",
        n, chars / 1e6, gazetteer.entries().size(), runs);
    System.out.printf("tagger build (trie):     %8.1f ms (once per run of the indexer)%n", buildMs);
    System.out.printf("tagging:                 %8.1f ms  (%,.0f articles/s, %.1f MB/s)  runs %s%n", tag, n / (tag / 1000),
        chars / 1e6 / (tag / 1000), Arrays.toString(round(tagMs)));
    System.out.printf("indexing (map+analyze+write+commit): %8.1f ms  (%,.0f articles/s)  runs %s%n", index, n / (index / 1000),
        Arrays.toString(round(indexMs)));
    System.out.printf("tagging / indexing:      %8.1f %%%n", 100 * tag / index);
    System.out.printf("tagging / (tagging + indexing): %.1f %%%n", 100 * tag / (tag + index));
    agreement(tagged, truth);
  }

  /** How often the tagger finds exactly the entities the generator put in (title and body). */
  private static void agreement(List<Article> tagged, List<List<String>> truth) {
    long exact = 0;
    long missing = 0;
    long extra = 0;
    for (int i = 0; i < tagged.size(); i++) {
      java.util.Set<String> got = new java.util.HashSet<>();
      tagged.get(i).entities().forEach(e -> got.add(e.id()));
      java.util.Set<String> want = new java.util.HashSet<>(truth.get(i));
      if (got.equals(want)) {
        exact++;
      }
      for (String w : want) {
        if (!got.contains(w)) {
          missing++;
        }
      }
      for (String g : got) {
        if (!want.contains(g)) {
          extra++;
        }
      }
    }
    System.out.printf("agreement with the generator's entity list: %.1f %% of articles exact; %d missed, %d extra"
        + " (extra includes names in captions, which the generator does not list)%n", 100.0 * exact / tagged.size(), missing, extra);
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static long[] round(double[] values) {
    return Arrays.stream(values).mapToLong(Math::round).toArray();
  }
}
