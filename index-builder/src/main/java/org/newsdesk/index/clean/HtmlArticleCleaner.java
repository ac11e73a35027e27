package org.newsdesk.index.clean;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.model.Article;
import org.newsdesk.model.Published;

/** Extracts the article from a news web page: title, date, source, author, caption and the main text. */
public final class HtmlArticleCleaner implements ArticleCleaner {
  @Override
  public Article clean(RawArticle raw) throws SkippedArticleException {
    String baseUri = raw.field(RawArticle.URL) == null ? "" : raw.field(RawArticle.URL);
    Document page = Jsoup.parse(raw.content(), baseUri);
    String url = firstNonBlank(raw.field(RawArticle.URL), meta(page, "og:url"), attr(page, "link[rel=canonical]", "href"));
    String title = TextNormalizer.line(firstNonBlank(meta(page, "og:title"), text(page, "h1"), page.title()));
    String source = TextNormalizer.line(firstNonBlank(meta(page, "og:site_name"), domain(url)));
    String author = TextNormalizer.line(firstNonBlank(meta(page, "author"), meta(page, "article:author")));
    Published published = Datelines.parseIso(firstNonBlank(
        meta(page, "article:published_time"), attr(page, "time[datetime]", "datetime"))).orElse(null);
    Element figcaption = page.selectFirst("figcaption");
    String caption = figcaption == null ? null : TextNormalizer.line(figcaption.text());

    Element root = Optional.ofNullable(page.selectFirst("article")).orElse(page.body());
    StringBuilder body = new StringBuilder();
    for (Element p : root.select("p")) {
      if (p.closest("figure, figcaption, nav, footer, aside") != null) {
        continue;
      }
      String t = p.text().strip();
      if (!t.isEmpty()) {
        body.append(t).append("\n\n");
      }
    }
    String text = TextNormalizer.paragraphs(body.toString());
    if (text.isEmpty()) {
      throw new SkippedArticleException(InputProblem.Kind.NO_BODY, "no article text found in the page");
    }
    return new Article(ArticleIds.of(null, url, raw.origin()), url, source, title, author, published, text, caption,
        null, null, List.of(), raw.origin(), raw.contentHash());
  }

  private static String meta(Document page, String name) {
    Element e = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
    return e == null ? null : e.attr("content");
  }

  private static String attr(Document page, String css, String attr) {
    Element e = page.selectFirst(css);
    return e == null ? null : e.attr(attr);
  }

  private static String text(Document page, String css) {
    Element e = page.selectFirst(css);
    return e == null ? null : e.text();
  }

  private static String domain(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? null : host.replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
