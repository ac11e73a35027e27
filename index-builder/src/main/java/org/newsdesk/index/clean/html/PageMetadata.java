package org.newsdesk.index.clean.html;

import static org.newsdesk.index.clean.html.NodeMatch.anyOf;
import static org.newsdesk.index.clean.html.NodeMatch.attrEquals;
import static org.newsdesk.index.clean.html.NodeMatch.classContains;
import static org.newsdesk.index.clean.html.NodeMatch.hasAttr;
import static org.newsdesk.index.clean.html.NodeMatch.hasClass;
import static org.newsdesk.index.clean.html.NodeMatch.inside;
import static org.newsdesk.index.clean.html.NodeMatch.tag;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.newsdesk.index.clean.html.NodeMatch.Test;
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
  /** The attributes that name a meta tag. */
  private static final String[] META_NAME_KEYS = {"property", "name", "itemprop", "http-equiv"};
  /** At most this many {@code time} elements are looked at for one outside navigation, footers and comments. */
  private static final int TIME_CANDIDATES = 50;

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
   * Reads the metadata of a page.
   *
   * @param jsonLd the page's JSON-LD ({@link JsonLd#of(PageTree)})
   */
  static PageMetadata read(PageTree tree, String givenUrl, JsonLd jsonLd) {
    Map<String, String> meta = new HashMap<>();
    for (int m : NodeMatch.all(tree, Page.META)) {
      putMeta(meta, tree.hasAttr(m, "content") ? tree.attr(m, "content") : tree.attr(m, "datetime"),
          key -> tree.attr(m, key));
    }
    return read(meta, givenUrl, jsonLd, new Page(tree));
  }

  /**
   * The metadata from the page's meta tags, JSON-LD, url and, where those are silent, the page itself.
   *
   * @param meta the page's meta tags ({@link #putMeta})
   */
  private static PageMetadata read(Map<String, String> meta, String givenUrl, JsonLd jsonLd, Page page) {
    String url = first(givenUrl, meta.get("og:url"));
    if (url == null) {
      url = first(page.canonicalHref());
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
      Optional<Published> p = DateText.parse(page.timeText());
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

  /**
   * Adds one meta tag to {@code meta}: its lower-cased names (name, property, itemprop, http-equiv) to its
   * content, unless a tag before it named them with a non-blank content.
   *
   * @param content the tag's content (or datetime)
   * @param attr the tag's attributes by name, "" for those it has not
   */
  private static void putMeta(Map<String, String> meta, String content, UnaryOperator<String> attr) {
    if (content.isBlank()) {
      return;
    }
    for (String key : META_NAME_KEYS) {
      String k = attr.apply(key).strip().toLowerCase(Locale.ROOT);
      if (!k.isEmpty()) {
        meta.putIfAbsent(k, content.strip());
      }
    }
  }

  private static String title(Page page, Map<String, String> meta, JsonLd jsonLd, String source) {
    String raw = first(meta.get("og:title"), meta.get("twitter:title"));
    if (raw == null) {
      raw = first(jsonLd.articleText("headline"));
    }
    if (raw == null) {
      raw = first(page.headline());
    }
    if (raw == null) {
      raw = first(page.documentTitle());
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

  private static String author(Page page, Map<String, String> meta, JsonLd jsonLd) {
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
    String byline = page.byline();
    String fromByline = byline == null ? null : BY.matcher(byline).replaceFirst("").strip();
    if (fromByline != null && (fromByline.length() > 100 || fromByline.isEmpty())) {
      fromByline = null;
    }
    return fromByline;
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

  static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  /**
   * What the page itself says, read where its meta tags and JSON-LD are silent; each asked at most once. The CSS
   * selectors of the usual readers are tests of a node and its ancestors ({@link NodeMatch}), searched in document
   * order; the texts of the elements found are rendered by jsoup on {@link SubtreeCopy copies}.
   */
  private static final class Page {
    static final Test META = tag("meta");
    /** {@code link[rel=canonical]} */
    private static final Test CANONICAL = tag("link").and(attrEquals("rel", "canonical"));
    /** {@code article h1, main h1, [itemprop=headline]} */
    private static final Test HEADLINE = anyOf(tag("h1").and(inside(tag("article"))),
        tag("h1").and(inside(tag("main"))), attrEquals("itemprop", "headline"));
    private static final Test H1 = tag("h1");
    /**
     * {@code [rel=author], [itemprop=author], .byline, .author, [class*=byline]} ({@code .byline} is not quite
     * covered by {@code [class*=byline]}: jsoup compares the one ignoring case char by char, and lower-cases the
     * other in English first, so a dotless ı differs).
     */
    private static final Test BYLINE = anyOf(attrEquals("rel", "author"), attrEquals("itemprop", "author"),
        hasClass("byline"), hasClass("author"), classContains("byline"));
    /**
     * {@code time[itemprop=datePublished], time[pubdate], [itemprop=datePublished][datetime],
     * [itemprop=datePublished][content]}
     */
    private static final Test PUBLISHED_TIME = anyOf(tag("time").and(attrEquals("itemprop", "datePublished")),
        tag("time").and(hasAttr("pubdate")), attrEquals("itemprop", "datePublished").and(hasAttr("datetime")),
        attrEquals("itemprop", "datePublished").and(hasAttr("content")));
    /** {@code time[datetime]} */
    private static final Test TIME = tag("time").and(hasAttr("datetime"));
    /** {@code nav, footer, aside, [class*=comment], [class*=related]} */
    private static final Test OUTSIDE_ARTICLE =
        anyOf(tag("nav"), tag("footer"), tag("aside"), classContains("comment", "related"));
    private static final Test TITLE = tag("title");

    private final PageTree tree;

    Page(PageTree tree) {
      this.tree = tree;
    }

    /** The href of the first {@code link[rel=canonical]}, or null when there is none. */
    String canonicalHref() {
      int link = NodeMatch.first(tree, 0, CANONICAL);
      return link < 0 ? null : tree.attr(link, "href");
    }

    /**
     * The text of the headline: the first of {@code article h1, main h1, [itemprop=headline]}, else the first
     * {@code h1}; null when there is none.
     */
    String headline() {
      int h1 = NodeMatch.first(tree, 0, HEADLINE);
      if (h1 < 0) {
        h1 = NodeMatch.first(tree, 0, H1);
      }
      return h1 < 0 ? null : SubtreeCopy.text(tree, h1);
    }

    /**
     * jsoup's rule: the first {@code title} inside the {@code head} that is the first such child of the first
     * {@code html} child of the document, its text with whitespace normalized; "" when there is none (where
     * jsoup adds the missing {@code html} or {@code head} to the document, and finds no title in it).
     */
    String documentTitle() {
      int html = tree.firstChildElement(0, "html");
      int head = html < 0 ? -1 : tree.firstChildElement(html, "head");
      int title = head < 0 ? -1 : NodeMatch.first(tree, head, TITLE);
      return title < 0 ? "" : StringUtil.normaliseWhitespace(SubtreeCopy.text(tree, title)).trim();
    }

    /** The text of the first byline ({@code [rel=author], [itemprop=author], .byline, .author, [class*=byline]}). */
    String byline() {
      int byline = NodeMatch.first(tree, 0, BYLINE);
      return byline < 0 ? null : SubtreeCopy.text(tree, byline);
    }

    /**
     * The date of the publication time element, as written (its datetime, content or text): the first of
     * {@code time[itemprop=datePublished], time[pubdate], [itemprop=datePublished][datetime],
     * [itemprop=datePublished][content]}, else the first {@code time[datetime]} outside navigation, footers,
     * asides, comments and related stories (among the first 50); null when there is none.
     */
    String timeText() {
      int t = NodeMatch.first(tree, 0, PUBLISHED_TIME);
      if (t < 0) {
        t = firstTimeInArticle();
      }
      if (t < 0) {
        return null;
      }
      String value = first(tree.attr(t, "datetime"), tree.attr(t, "content"));
      return value != null ? value : first(SubtreeCopy.text(tree, t));
    }

    /** The first {@code time[datetime]} outside navigation, footers and comments, among the first few; or -1. */
    private int firstTimeInArticle() {
      int last = tree.size() - 1;
      int looked = 0;
      for (int t = NodeMatch.find(tree, 0, last, TIME); t >= 0; t = NodeMatch.find(tree, t + 1, last, TIME)) {
        if (++looked > TIME_CANDIDATES) {
          return -1;
        }
        if (NodeMatch.closest(tree, t, OUTSIDE_ARTICLE) < 0) {
          return t;
        }
      }
      return -1;
    }
  }
}
