package org.newsdesk.index.clean.html;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.newsdesk.model.Published;

/**
 * Reads a page's metadata from its meta tags, JSON-LD, {@code time} elements, url and bylines. Call before the
 * content extractor prunes the page.
 */
final class PageMetadata {
  /** Meta names for the publication date, most specific first. */
  private static final List<String> DATE_META = List.of(
      "article:published_time", "og:article:published_time", "og:published_time", "published_time",
      "article.published", "article_date_original", "datepublished", "publication_date", "publish-date",
      "publish_date", "publishdate", "pubdate", "dc.date.issued", "dcterms.issued", "dc.date.created",
      "dcterms.created", "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
      "citation_publication_date", "originalpublicationdate", "date", "og:updated_time", "article:modified_time");
  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|-|\\.|$)|/((?:19|20)\\d{2})(\\d{2})(\\d{2})/");
  /** Title separators after which a site name usually follows. */
  // Selectors compiled once: jsoup parses a selector string anew on every query.
  private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical]");
  private static final Evaluator HEADLINE = QueryParser.parse("article h1, main h1, [itemprop=headline]");
  private static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator BYLINE =
      new AnyOf(QueryParser.parse("[rel=author], [itemprop=author], .byline, .author"), new ClassContains("byline"));
  private static final Evaluator PUBLISHED_TIME = QueryParser.parse("time[itemprop=datePublished], time[pubdate],"
      + " [itemprop=datePublished][datetime], [itemprop=datePublished][content]");
  private static final Evaluator TIME = QueryParser.parse("time[datetime]");
  private static final Evaluator OUTSIDE_ARTICLE =
      new AnyOf(QueryParser.parse("nav, footer, aside"), new ClassContains("comment", "related"));
  private static final Pattern TITLE_PARTS = Pattern.compile("\\s+(?:[|·•»:]|::|[-–—])\\s+");
  // The patterns below are compiled once: String.replaceFirst, matches and split compile theirs on every call.
  private static final Pattern SEPARATOR_AT_END = Pattern.compile("\\s*(?:[|·•»:]|::|[-–—])\\s*$");
  private static final Pattern SEPARATOR_AT_START = Pattern.compile("^\\s*(?:[|·•»:]|::|[-–—])\\s*");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern DOMAIN_AFFIXES = Pattern.compile("^www\\.|\\.(com|org|net|co\\.uk|co|news)$");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
  private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://.*");
  private static final Pattern BY = Pattern.compile("(?i)^\\s*by\\s+");
  private static final Pattern WWW = Pattern.compile("^www\\.");

  final String url;
  final String title;
  final Published published;
  final String dateSource;
  final String source;
  final String author;

  private PageMetadata(String url, String title, Published published, String dateSource, String source,
      String author) {
    this.url = url;
    this.title = title;
    this.published = published;
    this.dateSource = dateSource;
    this.source = source;
    this.author = author;
  }

  /**
   * Reads the metadata of a parsed page.
   *
   * @param metaElements the page's {@code meta} elements, in document order
   */
  static PageMetadata read(Document page, String givenUrl, JsonLd jsonLd, List<Element> metaElements) {
    Map<String, String> meta = metaTags(metaElements);
    String url = first(givenUrl, meta.get("og:url"));
    if (url == null) {
      url = first(attr(FirstMatch.in(page, CANONICAL), "href"));
    }
    // JSON-LD is parsed only when asked, so it is asked only when the meta tags have no answer
    String source = first(meta.get("og:site_name"), meta.get("application-name"));
    if (source == null) {
      source = first(jsonLd.publisher(), domain(url));
    }
    String title = title(page, meta, jsonLd, source);
    String author = author(page, meta, jsonLd);

    Published published = null;
    String dateSource = null;
    for (String name : DATE_META) {
      Optional<Published> p = DateText.parse(meta.get(name));
      if (p.isPresent()) {
        published = p.get();
        dateSource = "meta";
        break;
      }
    }
    if (published == null) {
      Optional<Published> p = DateText.parse(first(jsonLd.articleText("datePublished"),
          jsonLd.articleText("dateCreated"), jsonLd.anyText("datePublished")));
      if (p.isPresent()) {
        published = p.get();
        dateSource = "json-ld";
      }
    }
    if (published == null) {
      Optional<Published> p = timeElement(page);
      if (p.isPresent()) {
        published = p.get();
        dateSource = "time";
      }
    }
    if (published == null) {
      Optional<Published> p = urlDate(url);
      if (p.isPresent()) {
        published = p.get();
        dateSource = "url";
      }
    }
    return new PageMetadata(url, title, published, dateSource, source, author);
  }

  /** Lower-cased meta names (name, property, itemprop, http-equiv) to the first non-blank content. */
  private static Map<String, String> metaTags(List<Element> metaElements) {
    Map<String, String> meta = new HashMap<>();
    for (Element m : metaElements) {
      String content = m.hasAttr("content") ? m.attr("content") : m.attr("datetime");
      if (content.isBlank()) {
        continue;
      }
      for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
        String k = m.attr(key).strip().toLowerCase(Locale.ROOT);
        if (!k.isEmpty()) {
          meta.putIfAbsent(k, content.strip());
        }
      }
    }
    return meta;
  }

  private static String title(Document page, Map<String, String> meta, JsonLd jsonLd, String source) {
    String raw = first(meta.get("og:title"), meta.get("twitter:title"));
    if (raw == null) {
      raw = first(jsonLd.articleText("headline"));
    }
    if (raw == null) {
      Element h1 = page.selectFirst(HEADLINE);
      if (h1 == null) {
        h1 = FirstMatch.in(page, H1);
      }
      raw = first(h1 == null ? null : h1.text(), page.title());
    }
    return raw == null ? null : stripSiteName(raw.strip(), source);
  }

  /** {@code Headline | Site} → {@code Headline}; also {@code Site - Headline}, when the site part is recognizable. */
  static String stripSiteName(String title, String source) {
    String[] parts = TITLE_PARTS.split(title);
    if (parts.length < 2) {
      return title;
    }
    String site = source == null ? "" : letters(source);
    String last = parts[parts.length - 1];
    String firstPart = parts[0];
    if (!site.isEmpty() && matchesSite(letters(last), site)) {
      return SEPARATOR_AT_END.matcher(title.substring(0, title.lastIndexOf(last))).replaceFirst("").strip();
    }
    if (!site.isEmpty() && matchesSite(letters(firstPart), site)) {
      return SEPARATOR_AT_START.matcher(title.substring(firstPart.length())).replaceFirst("").strip();
    }
    // " | Anything short" is a site suffix even when we do not know the site's name.
    String t = title;
    for (int i = 0; i < 2; i++) {
      int bar = t.lastIndexOf(" | ");
      if (bar > 0 && WHITESPACE.split(t.substring(bar + 3)).length <= 4 && bar > t.length() / 3) {
        t = t.substring(0, bar).strip();
      }
    }
    return t;
  }

  private static boolean matchesSite(String part, String site) {
    return !part.isEmpty() && (part.equals(site) || site.contains(part) || part.contains(site));
  }

  private static String letters(String s) {
    return NOT_LETTER_OR_DIGIT.matcher(DOMAIN_AFFIXES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(""))
        .replaceAll("");
  }

  private static String author(Document page, Map<String, String> meta, JsonLd jsonLd) {
    String fromMeta = first(meta.get("author"), meta.get("article:author"), meta.get("parsely-author"),
        meta.get("sailthru.author"), meta.get("dc.creator"), meta.get("byl"));
    if (fromMeta != null && HTTP_URL.matcher(fromMeta).matches()) {
      fromMeta = null;
    }
    if (fromMeta != null) {
      return BY.matcher(fromMeta).replaceFirst("").strip();
    }
    List<String> ld = jsonLd.authors();
    String fromLd = ld.isEmpty() ? null : String.join(", ", ld);
    if (fromLd != null) {
      return BY.matcher(first(fromLd)).replaceFirst("").strip();
    }
    Element byline = FirstMatch.in(page, BYLINE);
    String fromByline = byline == null ? null : BY.matcher(byline.text()).replaceFirst("").strip();
    if (fromByline != null && (fromByline.length() > 100 || fromByline.isEmpty())) {
      fromByline = null;
    }
    return fromByline;
  }

  private static Optional<Published> timeElement(Document page) {
    Element t = FirstMatch.in(page, PUBLISHED_TIME);
    if (t == null) {
      int looked = 0;
      for (Element candidate : page.select(TIME)) {
        if (++looked > 50) {
          break;
        }
        if (candidate.closest(OUTSIDE_ARTICLE) == null) {
          t = candidate;
          break;
        }
      }
    }
    if (t == null) {
      return Optional.empty();
    }
    String value = first(t.attr("datetime"), t.attr("content"), t.text());
    return DateText.parse(value);
  }

  static Optional<Published> urlDate(String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      return Optional.empty();
    }
    String y = m.group(1) != null ? m.group(1) : m.group(4);
    String mo = m.group(1) != null ? m.group(2) : m.group(5);
    String d = m.group(1) != null ? m.group(3) : m.group(6);
    return DateText.parse(String.format(Locale.ROOT, "%s-%02d-%02d", y, Integer.parseInt(mo), Integer.parseInt(d)));
  }

  static String domain(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String host = URI.create(url.strip().replace(" ", "%20")).getHost();
      return host == null ? null : WWW.matcher(host).replaceFirst("");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String attr(Element e, String name) {
    return e == null ? null : e.attr(name);
  }

  static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
