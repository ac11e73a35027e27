package org.newsdesk.index.clean;

import java.util.EnumMap;
import java.util.Map;
import org.newsdesk.index.corpus.CorpusFormat;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.model.Article;

/** The cleaner for each input format, behind one {@link ArticleCleaner}. Thread-safe. */
public final class ArticleCleaners implements ArticleCleaner {
  private final Map<CorpusFormat, ArticleCleaner> byFormat = new EnumMap<>(CorpusFormat.class);

  /** The standard cleaners. */
  public static ArticleCleaners defaults() {
    ArticleCleaners c = new ArticleCleaners();
    HtmlArticleCleaner html = new HtmlArticleCleaner();
    c.byFormat.put(CorpusFormat.RAW_TEXT, new RawTextCleaner());
    c.byFormat.put(CorpusFormat.JSONL, new JsonArticleCleaner());
    c.byFormat.put(CorpusFormat.HTML, html);
    c.byFormat.put(CorpusFormat.WARC, html);
    return c;
  }

  private ArticleCleaners() {}

  @Override
  public Article clean(RawArticle raw) throws SkippedArticleException {
    ArticleCleaner cleaner = byFormat.get(raw.format());
    if (cleaner == null) {
      throw new IllegalStateException("no cleaner for format " + raw.format());
    }
    return cleaner.clean(raw);
  }
}
