package org.newsdesk.index.clean.html;

import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.newsdesk.index.clean.Datelines;
import org.newsdesk.model.Published;

/**
 * Extracts the article from a news web page: main text without boilerplate, and title, date, source, author,
 * caption and credit. The only public entry point of this package.
 *
 * <p>Thread-safe; its only state is a scratch buffer per thread. Linear in the page size; no recursion over the
 * page tree, so hostile nesting cannot overflow the stack.
 */
public final class HtmlExtractor {
  /** The longest paragraph atop the body read as a dateline of its own. */
  private static final int MAX_DATELINE = 100;
  /** A dateline is looked for in this many leading characters of the body. */
  private static final int DATELINE_WINDOW = 600;

  /** Pages up to this many chars (4 MB) are slimmed into a buffer kept per thread; a few news pages pass 1M. */
  private static final int SPARE_LIMIT = 1 << 21;

  private final ContentExtractor content = new ContentExtractor();
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
    // The parse dominates the cost: pages in the common shapes are built into flat arrays straight from the page
    // without its scripts and styles, dropping unread attributes as they are read; the others are parsed by jsoup,
    // slimmed of both, and converted (see docs/extraction.md).
    char[] reused = spare.get();
    PageBuffer inert = InertContent.stripped(html, reused);
    if (inert != null && inert.chars() != reused && inert.chars().length <= SPARE_LIMIT) {
      spare.set(inert.chars());
    }
    char[] chars = inert == null ? html.toCharArray() : inert.chars();
    PageTree page = PageTreeBuilder.parse(chars, inert == null ? html.length() : inert.length());
    if (page == null) {
      String baseUri = url == null ? "" : url;
      page = PageTree.of(Parser.htmlParser().parseInput(UnreadAttributes.slimmed(html).reader(), baseUri));
    }
    return extract(page, url);
  }

  /** Extracts from a page parsed by jsoup (tests compare slimmed and unslimmed parses through this). */
  ExtractedPage extract(Document page, String url) {
    return extract(PageTree.of(page), url);
  }

  private ExtractedPage extract(PageTree page, String url) {
    JsonLd jsonLd = JsonLd.of(page);
    PageMetadata meta = PageMetadata.read(page, url, jsonLd);
    Captions.Caption caption = Captions.find(page);
    int bodyElement = page.body(); // both parsers always make one; jsoup's body() would add an empty one
    ContentExtractor.Result result = bodyElement < 0 ? new ContentExtractor.Result("", "body", 1)
        : content.extract(page, bodyElement);
    String body = dropLeadingTitle(result.body(), meta.title);

    Published published = meta.published;
    String dateSource = meta.dateSource;
    // A date on a line of its own atop the text (a visible <time>, "Published: 4 March 2021") is the dateline, not
    // text; it dates the page when nothing else did.
    for (int lead = 0; lead < 2; lead++) {
      int end = body.indexOf("\n\n");
      String first = end < 0 ? body : body.substring(0, end);
      Optional<Published> dateline = first.length() > MAX_DATELINE ? Optional.empty() : Datelines.parse(first);
      if (dateline.isEmpty() || end < 0) {
        break;
      }
      if (published == null) {
        published = dateline.get();
        dateSource = "text";
      }
      body = body.substring(end + 2);
    }
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
