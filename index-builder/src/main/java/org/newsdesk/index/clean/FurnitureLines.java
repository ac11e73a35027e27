package org.newsdesk.index.clean;

import java.util.regex.Pattern;

/**
 * Lines of page furniture that stand on their own in a scraped story: an advert's label, share and "read more"
 * links, a byline or photo credit line, a cookie banner, a paywall teaser. One definition for the HTML renderer and
 * the raw-text cleaner, in two strengths:
 * <ul>
 *   <li>{@link #is}, for a paragraph of a web page, where the page's structure already says much of what is text:
 *       short lines by how they begin ({@code Subscribe...}, {@code Photo: ...}, {@code By ...}), as measured on the
 *       extraction corpus;
 *   <li>{@link #isPlainly}, for scraped plain text, where a short line is as likely a headline or a short paragraph
 *       ("Video phones act as dating tools", "Images of the crash were shown"): only lines that can be nothing
 *       else, whole ({@code Advertisement}), labelled ({@code Read more: ...}) or banners by their first words.
 * </ul>
 * Banners, which run longer, are matched by how they begin, so that a sentence of the story that mentions cookies or
 * subscribers stays.
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
  /** Furniture that no story's text or headline is on its own line, whole (lower case, without a final period). */
  private static final java.util.Set<String> PLAIN = java.util.Set.of("advertisement", "advert", "ad", "sponsored",
      "sponsored content", "share", "share this", "share this article", "share this story", "skip advert",
      "skip advertisement", "tweet", "print", "comments", "related", "related articles", "related stories",
      "related content", "related news", "related coverage", "read more", "more on this story", "continue reading",
      "story continues below", "story continues below advertisement", "scroll to continue", "back to top",
      "you may also like", "recommended", "most read", "most popular");
  /**
   * A labelled link to another story or a labelled credit: {@code Read more: ...}, {@code See also: ...},
   * {@code Related: ...}, {@code Photo: Reuters}. The label's colon is required ("Photon ..." is a headline), and
   * {@code Watch: ...} is left out: video stories are headlined so.
   */
  private static final Pattern LABELLED_LINK = Pattern.compile(
      "(?iu)^(?:read more|read also|also read|see also|related|recommended|more on this"
          + "|(?:photo|picture|image|video|graphic)s?(?: credit)?)\\s?[:»|]\\s?.{1,150}$");

  private FurnitureLines() {}

  /** Whether {@code line} (stripped, one line or paragraph) is page furniture rather than the story's text. */
  public static boolean is(String line) {
    int n = line.length();
    if (n < SHORT_LINE && SHORT.matcher(line).matches()) {
      return !isSentenceStartingWithBy(line);
    }
    return n <= LONGEST_BANNER && BANNER.matcher(line).matches();
  }

  /** Whether {@code line} (stripped) is furniture in plain scraped text; see the class comment. */
  public static boolean isPlainly(String line) {
    int n = line.length();
    if (n > LONGEST_BANNER) {
      return false;
    }
    String whole = line.endsWith(".") || line.endsWith(":") ? line.substring(0, n - 1) : line;
    return PLAIN.contains(whole.toLowerCase(java.util.Locale.ROOT)) || n < SHORT_LINE && LABELLED_LINK.matcher(line).matches()
        || BANNER.matcher(line).matches();
  }

  /** "By then it was too late.": a sentence, which a byline ("By Anna Petrova") does not end as. */
  private static boolean isSentenceStartingWithBy(String line) {
    return line.regionMatches(true, 0, "by ", 0, 3) && line.endsWith(".");
  }
}
