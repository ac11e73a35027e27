package org.newsdesk.index.clean;

import java.util.regex.Pattern;

/**
 * Lines of page furniture that stand on their own in any scraped story, HTML or text: an advert's label, share and
 * "read more" links, a byline or photo credit line, a cookie banner, a paywall teaser. One definition for the HTML
 * renderer and the raw-text cleaner. Short lines are matched whole; banners, which run longer, by how they begin, so
 * that a sentence of the story that mentions cookies or subscribers stays.
 */
public final class FurnitureLines {
  /** Short lines that are page furniture in any article. */
  private static final Pattern SHORT = Pattern.compile(
      "(?iu)^(?:advertisement|advertising|advert|ad|sponsored( content)?|share( this)?( article| story| on \\w+)?|tweet|"
          + "e-?mail|print|comments?( \\(\\d+\\))?|\\d+ comments?|related( articles| stories| content| coverage| news)?|"
          + "read more.*|read also.*|also read.*|see also:.*|more from.*|more on this( story)?|recommended.*|sign up.*|"
          + "subscribe.*|follow us.*|click here.*|loading.*|you may also like.*|don'?t miss.*|continue reading.*|"
          + "story continues below.*|skip advert.*|scroll to continue.*|"
          + "(?:photo|image|video|graphic)s?:? ?.{0,40}|all rights reserved.*|copyright.*|©.*|"
          + "(?:updated|published|posted):? .{0,40}|by [\\p{L} .'-]{2,60}(?:\\s[-|,•·]\\s.{0,40})?|skip (?:to )?.*|back to top|"
          + "(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|email|messenger)(?:[ ,|/]+.*)?)[.!:]?$");
  /** Lines shorter than this are checked against {@link #SHORT}. */
  private static final int SHORT_LINE = 100;
  /** Cookie banners and paywall teasers, by their first words. */
  private static final Pattern BANNER = Pattern.compile("(?iu)^(?:we use cookies|this (?:site|website) uses cookies"
      + "|accept (?:all )?cookies|manage cookies|subscribe to (?:read|continue|unlock)|already a subscriber"
      + "|(?:sign|log) in to (?:read|continue)|(?:for )?subscribers only)\\b.*$");
  /** Banners longer than this are taken for text. */
  private static final int LONGEST_BANNER = 400;

  private FurnitureLines() {}

  /** Whether {@code line} (stripped, one line or paragraph) is page furniture rather than the story's text. */
  public static boolean is(String line) {
    int n = line.length();
    if (n < SHORT_LINE && SHORT.matcher(line).matches()) {
      return !isSentenceStartingWithBy(line);
    }
    return n <= LONGEST_BANNER && BANNER.matcher(line).matches();
  }

  /** "By then it was too late.": a sentence, which a byline ("By Anna Petrova") does not end as. */
  private static boolean isSentenceStartingWithBy(String line) {
    return line.regionMatches(true, 0, "by ", 0, 3) && line.endsWith(".");
  }
}
