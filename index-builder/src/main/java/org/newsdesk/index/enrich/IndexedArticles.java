package org.newsdesk.index.enrich;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.model.Article;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsSchema;

/** Reads back what an index holds for re-tagging and candidate discovery: its live articles and its gazetteer. */
public final class IndexedArticles {
  private IndexedArticles() {}

  /**
   * Passes every live article of the index's last commit, rebuilt from stored fields, to {@code out}.
   *
   * @return how many articles were passed
   * @throws IOException if there is no index in {@code indexDir} or it cannot be read
   */
  public static long forEach(Path indexDir, Consumer<Article> out) throws IOException {
    long n = 0;
    if (!java.nio.file.Files.isDirectory(indexDir)) { // before FSDirectory.open, which would create it
      throw new java.nio.file.NoSuchFileException(indexDir.toString(), null, "no index there");
    }
    try (Directory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            out.accept(ArticleDocuments.fromDocument(stored.document(i)));
            n++;
          }
        }
      }
    }
    return n;
  }

  /** The gazetteer the index was tagged with ({@link NewsSchema#GAZETTEER_FILE}), or the default if it has none. */
  public static Gazetteer gazetteer(Path indexDir) {
    Path file = indexDir.resolve(NewsSchema.GAZETTEER_FILE);
    return java.nio.file.Files.exists(file) ? Gazetteer.read(file) : Gazetteer.defaults();
  }
}
