package org.newsdesk.index.clean;

import java.util.List;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.model.Article;
import org.newsdesk.model.Published;

/** Cleans articles that arrive as structured fields (JSON Lines): the text is normalized, the date parsed. */
public final class JsonArticleCleaner implements ArticleCleaner {
  @Override
  public Article clean(RawArticle raw) throws SkippedArticleException {
    String body = TextNormalizer.paragraphs(raw.content());
    if (body.isEmpty()) {
      throw new SkippedArticleException(InputProblem.Kind.NO_BODY, "empty body");
    }
    String url = TextNormalizer.line(raw.field(RawArticle.URL));
    Published published = Datelines.parseIso(raw.field(RawArticle.PUBLISHED)).orElse(null);
    return new Article(
        ArticleIds.of(raw.field(RawArticle.ID), url, raw.idName()),
        url,
        TextNormalizer.line(raw.field(RawArticle.SOURCE)),
        TextNormalizer.line(raw.field(RawArticle.TITLE)),
        TextNormalizer.line(raw.field(RawArticle.AUTHOR)),
        published,
        body,
        TextNormalizer.line(raw.field(RawArticle.CAPTION)),
        null,
        null,
        List.of(),
        raw.origin(),
        raw.contentHash());
  }
}
