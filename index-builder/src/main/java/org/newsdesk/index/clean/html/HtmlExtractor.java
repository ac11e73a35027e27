package org.newsdesk.index.clean.html;

import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.newsdesk.model.Published;

/**
 * Extracts the article from a news web page: main text without boilerplate, and title, date, source, author,
 * caption and credit. The only public entry point of this package.
 *
 * <p>Thread-safe; its only state is a scratch buffer per thread. Linear in the page size; no recursion over the
 * page tree, so hostile nesting cannot overflow the stack.
 */
public final class HtmlExtractor {
  /** A dateline is looked for in this many leading characters of the body. */
  private static final int DATELINE_WINDOW = 600;
  /** Elements the metadata readers need, collected in one walk of the page. */
  private static final Set<String> COLLECTED = Set.of("script", "meta", "figcaption");

  /** Pages up to this many chars (4 MB) are slimmed into a buffer kept per thread; a few news pages pass 1M. */
  private static final int SPARE_LIMIT = 1 << 21;

  private final LegacyContentExtractor content = new LegacyContentExtractor();
  /**
   * The buffer each thread slims pages into, reused from page to page: a new one per page is mostly the cost of
   * zeroing it. Nothing keeps it after a page is built (the tree copies the characters it keeps).
   */
  private final ThreadLocal<char[]> spare = new ThreadLocal<>();

  /**
   * Extracts one page.
   *
   * @param html the page's HTML
   * @param url the page's url if known (for the source domain, the url date and relative links), or null
   * @return what was found; the body is empty when the page has no recognizable article text
   */
  public ExtractedPage extract(String html, String url) {
    // The parse dominates the cost: pages in the common shapes are built without jsoup's tree builder, from the
    // page without its scripts and styles, dropping unread attributes as they are read; the others go to jsoup
    // slimmed of both (see docs/extraction.md).
    String baseUri = url == null ? "" : url;
    char[] reused = spare.get();
    PageBuffer inert = InertContent.stripped(html, reused);
    if (inert != null && inert.chars() != reused && inert.chars().length <= SPARE_LIMIT) {
      spare.set(inert.chars());
    }
    char[] chars = inert == null ? html.toCharArray() : inert.chars();
    ElementsByTag tagged = new ElementsByTag(COLLECTED);
    Document page = QuickTreeBuilder.parse(chars, inert == null ? html.length() : inert.length(), baseUri, tagged);
    if (page == null) {
      return extract(Parser.htmlParser().parseInput(UnreadAttributes.slimmed(html).reader(), baseUri), url);
    }
    return extract(page, url, tagged);
  }

  /** Extracts from a parsed page, which it mutates (tests compare slimmed and unslimmed parses through this). */
  ExtractedPage extract(Document page, String url) {
    return extract(page, url, ElementsByTag.of(page, COLLECTED));
  }

  private ExtractedPage extract(Document page, String url, ElementsByTag tagged) {
    JsonLd jsonLd = JsonLd.of(tagged.get("script"));
    PageMetadata meta = PageMetadata.read(page, url, jsonLd, tagged.get("meta"));
    Captions.Caption caption = Captions.find(tagged.get("figcaption"));
    LegacyContentExtractor.Result result = content.extract(page.body());
    String body = dropLeadingTitle(result.body(), meta.title);

    Published published = meta.published;
    String dateSource = meta.dateSource;
    if (published == null) {
      Optional<Published> dateline = DateText.find(body.substring(0, Math.min(body.length(), DATELINE_WINDOW)));
      if (dateline.isPresent()) {
        published = dateline.get();
        dateSource = "text";
      }
    }
    return new ExtractedPage(meta.url, meta.title, published, dateSource, meta.source, meta.author, body,
        caption.caption(), caption.credit(), result.path());
  }

  private static String dropLeadingTitle(String body, String title) {
    if (title == null || body.isEmpty()) {
      return body;
    }
    int end = body.indexOf("\n\n");
    String first = end < 0 ? body : body.substring(0, end);
    if (first.strip().equalsIgnoreCase(title.strip())) {
      return end < 0 ? "" : body.substring(end + 2);
    }
    return body;
  }
}
