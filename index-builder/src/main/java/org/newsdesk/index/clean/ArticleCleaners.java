package org.newsdesk.index.clean;

import java.util.EnumMap;
import java.util.Map;
import org.newsdesk.index.corpus.CorpusFormat;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.index.enrich.LanguageDetector;
import org.newsdesk.model.Article;

/**
 * The cleaner for each input format, behind one {@link ArticleCleaner}; every article it returns also carries its
 * detected language ({@link LanguageDetector}). Thread-safe.
 */
public final class ArticleCleaners implements ArticleCleaner {
  private final Map<CorpusFormat, ArticleCleaner> byFormat = new EnumMap<>(CorpusFormat.class);
  private final LanguageDetector languages = LanguageDetector.defaults();

  /** The standard cleaners. */
  public static ArticleCleaners defaults() {
    ArticleCleaners c = new ArticleCleaners();
    HtmlArticleCleaner html = new HtmlArticleCleaner();
    c.byFormat.put(CorpusFormat.RAW_TEXT, new RawTextCleaner());
    c.byFormat.put(CorpusFormat.JSONL, new JsonArticleCleaner());
    c.byFormat.put(CorpusFormat.HTML, html);
    c.byFormat.put(CorpusFormat.WARC, html);
    WireTextCleaner wire = new WireTextCleaner();
    c.byFormat.put(CorpusFormat.TREC, wire);
    c.byFormat.put(CorpusFormat.REUTERS_SGML, wire);
    return c;
  }

  private ArticleCleaners() {}

  /** The longest source name indexed; far beyond any real one, and its UTF-8 well under Lucene's term limit. */
  static final int MAX_SOURCE_CHARS = 1000;

  @Override
  public Article clean(RawArticle raw) throws SkippedArticleException {
    ArticleCleaner cleaner = byFormat.get(raw.format());
    if (cleaner == null) {
      throw new IllegalStateException("no cleaner for format " + raw.format());
    }
    Article article = cleaner.clean(raw);
    if (article.source() != null && article.source().length() > MAX_SOURCE_CHARS) {
      // A source is one indexed term, and Lucene refuses a term over 32,766 bytes by failing the whole write.
      throw new SkippedArticleException(InputProblem.Kind.BAD_RECORD, "source is " + article.source().length()
          + " characters long; a source name is at most " + MAX_SOURCE_CHARS + " (is another field's text in it?)");
    }
    return article.language() != null ? article : article.withLanguage(languages.detect(article.title(), article.body()));
  }
}
