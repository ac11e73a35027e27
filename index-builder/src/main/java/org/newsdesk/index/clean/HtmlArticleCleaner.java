package org.newsdesk.index.clean;

import java.util.List;
import org.newsdesk.index.clean.html.ExtractedPage;
import org.newsdesk.index.clean.html.HtmlExtractor;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.model.Article;

/**
 * Cleans a news web page (HTML file or WARC response): main-content extraction by {@link HtmlExtractor}, then
 * NFC and whitespace normalization. See {@code docs/extraction.md} for the algorithm and its measured quality.
 * Stateless and thread-safe.
 */
public final class HtmlArticleCleaner implements ArticleCleaner {
  private final HtmlExtractor extractor = new HtmlExtractor();

  @Override
  public Article clean(RawArticle raw) throws SkippedArticleException {
    ExtractedPage page = extractor.extract(raw.content(), raw.field(RawArticle.URL));
    String body = TextNormalizer.paragraphs(page.body());
    if (body.isEmpty()) {
      throw new SkippedArticleException(InputProblem.Kind.NO_BODY, "no article text found in the page");
    }
    String url = TextNormalizer.line(page.url());
    return new Article(
        ArticleIds.of(raw.field(RawArticle.ID), url, raw.idName()),
        url,
        TextNormalizer.line(page.source()),
        TextNormalizer.line(page.title()),
        TextNormalizer.line(page.author()),
        page.published(),
        body,
        TextNormalizer.line(page.caption()),
        TextNormalizer.line(page.credit()),
        null,
        List.of(),
        raw.origin(),
        raw.contentHash());
  }
}
