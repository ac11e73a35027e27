package org.newsdesk.bench.ranking;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.newsdesk.analysis.NewsAnalyzer;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.enrich.GazetteerEntityTagger;
import org.newsdesk.model.Article;
import org.newsdesk.model.Published;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsSchema;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.Ranking;
import org.newsdesk.search.SearchHit;
import org.newsdesk.search.SearchRequest;

/**
 * {@code bench/run eval-time [TIME_DIR]}: ranking quality on the TIME collection. Prints MAP, nDCG@10, P@10 and
 * R@100 for the baseline (plain Lucene: BM25 with EnglishAnalyzer over the whole text, queries as OR of their terms)
 * and for newsdesk's default ranking, measured in the same run, then an ablation table: each row changes one choice
 * of the default. newsdesk rows run the library itself ({@link NewsSearcher} over an index written with the real
 * analysis chain and schema), every query in any-term mode, top 1000.
 *
 * <p>TIME articles have no separate headline: the first line of each (the headline running into the lead) is
 * indexed as the title and the rest as the body. Entities are tagged with the default gazetteer.
 */
public final class TimeEvaluation {
  private static final int DEPTH = 1000;

  private TimeEvaluation() {}

  public static void main(String[] args) throws Exception {
    Path corpus = args.length > 0 ? Path.of(args[0]) : sharedCorpus();
    if (!Files.isRegularFile(corpus.resolve("TIME.ALL"))) {
      System.err.println("eval-time: no TIME collection at " + corpus + " (give its directory as the argument)");
      System.exit(2);
    }
    TimeCollection time = TimeCollection.read(corpus);
    PrintStream out = System.out;
    out.printf("TIME collection: %d documents, %d queries, %d judged pairs (%s)%n", time.docs().size(),
        time.queries().size(), time.relevant().values().stream().mapToInt(java.util.Set::size).sum(), corpus.toRealPath());
    Path work = Files.createTempDirectory("newsdesk-eval-time");
    try {
      RankingMetrics baseline = baseline(time);
      Map<String, Ranking> rows = rows();
      Map<NewsAnalyzer.Options, Path> indexes = new HashMap<>();
      out.println();
      out.printf("%-44s %7s %8s %6s %6s %9s%n", "run", "MAP", "nDCG@10", "P@10", "R@100", "MAP/base");
      print(out, "baseline: Lucene BM25 + EnglishAnalyzer, OR", baseline, baseline);
      String only = System.getProperty("eval.only");
      for (Map.Entry<String, Ranking> row : rows.entrySet()) {
        if (only != null && !row.getKey().strip().matches(only)) {
          continue;
        }
        Ranking ranking = row.getValue();
        Path index = indexes.computeIfAbsent(ranking.analysis(), o -> write(time, work.resolve("index-" + indexes.size()), o));
        String name = row.getKey();
        int recency = name.startsWith("recency") ? 365 : 0;
        long t0 = System.nanoTime();
        RankingMetrics m = newsdesk(time, index, ranking, recency);
        print(out, name, m, baseline);
        System.err.printf("  (%s: %.1f s)%n", name.strip(), (System.nanoTime() - t0) / 1e9);
      }
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** ../shared/corpora/time beside the repository (or beside the worktrees' parent, for a git worktree). */
  private static Path sharedCorpus() {
    Path home = Path.of(System.getProperty("newsdesk.home", ".")).toAbsolutePath().normalize();
    for (Path base = home; base != null; base = base.getParent()) {
      Path candidate = base.resolveSibling("shared").resolve("corpora").resolve("time");
      if (Files.isDirectory(candidate) || base.getParent() == null || base.getNameCount() < home.getNameCount() - 1) {
        return candidate;
      }
    }
    return home.resolveSibling("shared").resolve("corpora").resolve("time");
  }

  /** The default first, then one change per row. */
  private static Map<String, Ranking> rows() {
    Ranking d = Ranking.defaults();
    Map<String, Ranking> rows = new LinkedHashMap<>();
    rows.put("newsdesk default", d);
    rows.put("  no stemming", d.withAnalysis(new NewsAnalyzer.Options(false, true, true)));
    rows.put("  no stop words", d.withAnalysis(new NewsAnalyzer.Options(true, false, true)));
    rows.put("  no compound expansion", d.withAnalysis(new NewsAnalyzer.Options(true, true, false)));
    for (float boost : new float[] {0.25f, 0.35f, 0.5f, 0.75f, 1f, 1.5f, 2f, 3f}) {
      rows.put("  title boost " + boost, d.withTitleBoost(boost));
    }
    float[][] bm25 = {{0.9f, 0.4f}, {1.2f, 0.5f}, {1.2f, 0.9f}, {0.6f, 0.75f}, {1.6f, 0.75f}, {2.0f, 0.75f}};
    for (float[] p : bm25) {
      rows.put("  k1 " + p[0] + ", b " + p[1], d.withBm25(p[0], p[1]));
    }
    rows.put("  no proximity clause", d.withProximity(0f, d.proximitySlop()));
    for (float boost : new float[] {0.1f, 0.25f, 1f}) {
      for (int slop : new int[] {2, 8}) {
        rows.put("  proximity " + boost + ", slop " + slop, d.withProximity(boost, slop));
      }
    }
    rows.put("  no entity salience", d.withSalienceWeight(0f));
    rows.put("  entity salience 3", d.withSalienceWeight(3f));
    rows.put("  RM3 10 docs, 10 terms, 0.5", d.withFeedback(10, 10, 0.5f));
    rows.put("  RM3 5 docs, 20 terms, 0.5", d.withFeedback(5, 20, 0.5f));
    rows.put("  RM3 10 docs, 20 terms, 0.7", d.withFeedback(10, 20, 0.7f));
    rows.put("recency preference, half-life 365 days", d);
    String explore = System.getProperty("eval.explore");
    if (explore != null) {
      // Combinations for exploring: "tb,k1,b,pb,slop,fbDocs,fbTerms,alpha;..."
      for (String combo : explore.split(";")) {
        String[] v = combo.split(",");
        rows.put("  explore " + combo, d.withTitleBoost(Float.parseFloat(v[0])).withBm25(Float.parseFloat(v[1]), Float.parseFloat(v[2]))
            .withProximity(Float.parseFloat(v[3]), Integer.parseInt(v[4]))
            .withFeedback(Integer.parseInt(v[5]), Integer.parseInt(v[6]), Float.parseFloat(v[7])));
      }
    }
    return rows;
  }

  private static void print(PrintStream out, String name, RankingMetrics m, RankingMetrics base) {
    out.printf("%-44s %7.4f %8.4f %6.4f %6.4f %8.3fx%n", name, m.ap(), m.ndcg10(), m.p10(), m.r100(), m.ap() / base.ap());
  }

  private static RankingMetrics baseline(TimeCollection time) throws IOException, ParseException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); Analyzer english = new EnglishAnalyzer()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(english))) {
        for (TimeCollection.Doc d : time.docs()) {
          Document doc = new Document();
          doc.add(new StringField("id", d.id(), Field.Store.YES));
          doc.add(new TextField("contents", d.firstLine() + "\n" + d.rest(), Field.Store.NO));
          w.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
        QueryParser parser = new QueryParser("contents", english);
        List<RankingMetrics> per = new ArrayList<>();
        for (Map.Entry<Integer, String> q : time.queries().entrySet()) {
          ScoreDoc[] hits = searcher.search(parser.parse(QueryParser.escape(q.getValue())), DEPTH).scoreDocs;
          List<String> ranked = new ArrayList<>();
          for (ScoreDoc sd : hits) {
            ranked.add(searcher.storedFields().document(sd.doc).get("id"));
          }
          per.add(RankingMetrics.of(ranked, time.relevant().get(q.getKey())));
        }
        return RankingMetrics.mean(per);
      }
    }
  }

  private static Path write(TimeCollection time, Path dir, NewsAnalyzer.Options options) {
    GazetteerEntityTagger tagger = new GazetteerEntityTagger(Gazetteer.defaults());
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(NewsAnalyzers.forIndexing(options)))) {
      for (TimeCollection.Doc doc : time.docs()) {
        Article a = new Article(doc.id(), null, "TIME", doc.firstLine(), null, Published.ofDate(doc.date()), doc.rest(),
            null, null, "en", List.of(), "TIME.ALL#" + doc.id(), null);
        w.addDocument(ArticleDocuments.toDocument(tagger.tag(a)));
      }
      w.setLiveCommitData(Map.of(NewsSchema.USER_DATA_SCHEMA_VERSION, Integer.toString(NewsSchema.VERSION)).entrySet());
      w.commit();
      return dir;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static RankingMetrics newsdesk(TimeCollection time, Path index, Ranking ranking, int recencyDays) {
    List<RankingMetrics> per = new ArrayList<>();
    try (NewsSearcher searcher = NewsSearcher.open(index, ranking)) {
      for (Map.Entry<Integer, String> q : time.queries().entrySet()) {
        SearchRequest request = SearchRequest.of(SearchRequest.literal(q.getValue()))
            .withMatch(SearchRequest.MatchMode.ANY)
            .withLimit(DEPTH)
            .withHighlight(false, SearchRequest.Markers.DEFAULT)
            .withRecency(recencyDays);
        List<String> ranked = searcher.search(request).hits().stream().map(SearchHit::id).toList();
        per.add(RankingMetrics.of(ranked, time.relevant().get(q.getKey())));
      }
    }
    return RankingMetrics.mean(per);
  }
}
