package org.newsdesk.bench.startup;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The start-up benchmark's reference point: the minimal Lucene command line the CLI issue measured (0.41 s on plain
 * JDK 17, 0.20 s with an AppCDS archive and {@code -XX:TieredStopAtLevel=1}): open the index, run one term query,
 * print the hit count and ten titles. No analysis, highlighting, entities or facets. Timed in the same run as the
 * launcher, it shows how fast the machine is that day and how much of the launcher's time any Lucene CLI pays.
 *
 * <p>Run with {@code INDEX FIELD TERM}: the term already analyzed (the benchmark analyzes the query word with
 * newsdesk's query analyzer), so that this class needs nothing but lucene-core on its class path.
 */
public final class MinimalLuceneSearch {
  private MinimalLuceneSearch() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: MinimalLuceneSearch INDEX FIELD TERM");
      System.exit(2);
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(new TermQuery(new Term(args[1], args[2])), 10);
      StoredFields stored = searcher.storedFields();
      StringBuilder out = new StringBuilder().append(top.totalHits).append('\n');
      for (ScoreDoc hit : top.scoreDocs) {
        out.append(stored.document(hit.doc).get("title")).append('\n');
      }
      System.out.print(out);
      System.exit(top.scoreDocs.length > 0 ? 0 : 1);
    }
  }
}
