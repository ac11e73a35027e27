package org.newsdesk.index.clean.html;

import java.util.Objects;
import org.newsdesk.model.Published;

/**
 * What {@link HtmlExtractor} found in a page. Every field but {@code body} may be null.
 *
 * @param url the page's own url (given, og:url or canonical link)
 * @param title the headline, without a trailing " | Site" part
 * @param published the publication date, from the most trusted source that had one
 * @param dateSource which source gave the date: {@code meta}, {@code json-ld}, {@code time}, {@code url} or
 *     {@code text}; null when undated
 * @param source the outlet: og:site_name, the JSON-LD publisher, or the domain
 * @param author the byline
 * @param body the main text, paragraphs separated by one blank line; empty when none was found
 * @param caption the caption of the lead photo, kept out of the body
 * @param credit the photo credit, kept out of the caption
 * @param contentPath the element the body was anchored on ({@code div#story.article-body}), for debugging
 */
public record ExtractedPage(
    String url,
    String title,
    Published published,
    String dateSource,
    String source,
    String author,
    String body,
    String caption,
    String credit,
    String contentPath) {

  public ExtractedPage {
    Objects.requireNonNull(body, "body");
  }
}
