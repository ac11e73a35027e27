package org.newsdesk.index.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.model.Article;
import org.newsdesk.model.Published;

/**
 * Cleans scraped text laid out like the seed: a junk line of icon names holding {@code date YYYY-MM-DD}, the title,
 * a dateline ({@code 27 Sep, 2020 17:38}), an optional photo caption with a credit after {@code ©}, then the body.
 *
 * <p>Each element is optional: a file of plain paragraphs yields its first line as the title and the rest as body.
 * A first line longer than a headline ever is starts the body, and a file of one long line (a wire brief) is all
 * body: neither has a title.
 */
public final class RawTextCleaner implements ArticleCleaner {
  private static final Pattern JUNK_DATE = Pattern.compile("\\bdate (\\d{4}-\\d{2}-\\d{2})\\b");
  private static final Pattern ICON_WORD = Pattern.compile("\\b\\w*icon\\b");
  private static final Pattern PHOTO_PREFIX = Pattern.compile("^(?:FILE PHOTO|PHOTO|FILE)[.:]\\s*", Pattern.CASE_INSENSITIVE);
  /**
   * A first line longer than this is a paragraph of the story, not its headline (the longest headlines run to about
   * 150 characters).
   */
  private static final int MAX_HEADLINE = 300;
  /** A file of one line this many words long or longer is a story without a headline, not a headline alone. */
  private static final int MIN_STORY_WORDS = 12;
  /**
   * A byline: {@code By Anna Petrova}, {@code By Anna Petrova, Reuters}, {@code BY JOHN SMITH and JANE ROE}: "By" and
   * a name of two to six capitalized words (group 1), then an optional affiliation after a comma, on a short line of
   * its own that does not end as a sentence does ("By Monday, the council had agreed." is the story).
   */
  private static final Pattern BYLINE = Pattern.compile("^(?:By|BY) (\\p{Lu}[\\p{L}.'’-]*(?: (?:and |& )?"
      + "(?:(?:de|van|von|der|da|del|di|al|bin|le|la) )?\\p{Lu}[\\p{L}.'’-]*){1,5})(?:, [^,]{1,60})?(?<![.!?])$");
  /** A note of when the page was last updated, relative or absolute, on a line of its own. */
  /** A note of when the page was last updated: {@code Updated 2 hours ago}, {@code Last updated: 28 Sep, 2020 08:10}. */
  private static final Pattern UPDATE_NOTE = Pattern.compile("(?i)^(?:last )?updated:? (.{1,60})$");
  /** How long ago, in an update note. */
  private static final Pattern AGO = Pattern.compile(
      "(?i)(?:\\d+|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)(?: ago)?|just now|yesterday");
  /** The words share bars are made of, scraped as text above a story. */
  private static final java.util.Set<String> SHARE_WORDS = java.util.Set.of("share", "this", "article", "story",
      "facebook", "twitter", "x", "whatsapp", "email", "e-mail", "mail", "print", "linkedin", "reddit", "telegram",
      "pinterest", "messenger", "copy", "link", "save", "comments", "tweet", "flipboard", "sms", "more");
  /** The words of {@link #SHARE_WORDS} that are not a button by themselves. */
  private static final java.util.Set<String> SHARE_FILLER = java.util.Set.of("this", "article", "story", "copy",
      "link", "save", "comments", "more", "mail");
  /** A caption is a line of at most this many characters that carries a credit mark. */
  private static final int MAX_CAPTION = 600;

  @Override
  public Article clean(RawArticle raw) throws SkippedArticleException {
    List<String> lines = new ArrayList<>(List.of(TextNormalizer.paragraphs(raw.content()).split("\n", -1)));
    Published published = null;

    // 1. The junk line: icon names, with the scrape date in it. Scrapers sometimes repeat the share bar, and a
    //    junk line must never become the title, so every leading one goes; the first date found counts. Share
    //    buttons and page furniture scraped as words ("Share this article", "Facebook Twitter Email") go too.
    dropLeadingBlanks(lines);
    while (!lines.isEmpty() && (isJunkLine(lines.get(0)) || isShareBar(lines.get(0)) || isBoilerplate(lines.get(0)))) {
      Matcher m = JUNK_DATE.matcher(lines.remove(0));
      if (published == null && m.find()) {
        published = Datelines.parseIso(m.group(1)).orElse(null);
      }
      dropLeadingBlanks(lines);
    }

    // 2. The title: the first non-blank line, unless it is a paragraph of text rather than a headline.
    String title = null;
    if (!lines.isEmpty() && !isProse(lines.get(0))) {
      title = TextNormalizer.line(lines.remove(0));
      dropLeadingBlanks(lines);
    }

    // 3. The dateline, more precise than the junk line's date, and the byline, before or after it; then an
    //    update note ("Updated 2 hours ago"), which says nothing a reader of the archive can use.
    String author = null;
    boolean dated = false;
    for (int header = 0; header < 2 && !lines.isEmpty(); header++) {
      Optional<Published> dateline = dated ? Optional.empty() : Datelines.parse(lines.get(0));
      Matcher byline = author != null ? null : BYLINE.matcher(lines.get(0));
      if (dateline.isPresent()) {
        published = dateline.get();
        dated = true;
      } else if (byline != null && byline.matches()) {
        author = TextNormalizer.line(byline.group(1));
      } else {
        break;
      }
      lines.remove(0);
      dropLeadingBlanks(lines);
    }
    if ((dated || author != null) && !lines.isEmpty() && isUpdateNote(lines.get(0))) {
      lines.remove(0);
      dropLeadingBlanks(lines);
    }

    // 4. The caption and its credit.
    String caption = null;
    String credit = null;
    if (!lines.isEmpty() && looksLikeCaption(lines.get(0))) {
      String line = lines.remove(0);
      int mark = line.lastIndexOf('©');
      caption = TextNormalizer.line(PHOTO_PREFIX.matcher(line.substring(0, mark)).replaceFirst(""));
      credit = TextNormalizer.line(line.substring(mark + 1));
      dropLeadingBlanks(lines);
    }

    lines.removeIf(RawTextCleaner::isBoilerplate);
    if (author == null) {
      author = lines.stream().map(BYLINE::matcher).filter(Matcher::matches).map(m -> TextNormalizer.line(m.group(1)))
          .findFirst().orElse(null);
    }
    lines.removeIf(line -> BYLINE.matcher(line).matches()); // a byline at the story's end, as wires sign
    String body = TextNormalizer.paragraphs(String.join("\n", lines));
    if (body.isEmpty() && title != null && caption == null && credit == null
        && title.split(" ").length >= MIN_STORY_WORDS) {
      body = title; // a one-paragraph story (a wire brief): its text is the body, and it has no headline
      title = null;
    }
    if (body.isEmpty()) {
      throw new SkippedArticleException(InputProblem.Kind.NO_BODY, "no article body after the title");
    }
    String id = ArticleIds.of(null, null, raw.idName());
    return new Article(id, null, null, title, author, published, body, caption, credit, null, List.of(), raw.origin(), raw.contentHash());
  }

  private static boolean isJunkLine(String line) {
    Matcher m = ICON_WORD.matcher(line);
    int icons = 0;
    while (m.find()) {
      icons++;
    }
    return icons >= 3 || (JUNK_DATE.matcher(line).find() && line.length() > 60);
  }

  /**
   * A short line of share buttons only: "Share this article", "Facebook Twitter WhatsApp Email". Three words at least,
   * or two with "share", and one a button's name, so that a headline made of such words ("X", "Facebook Messenger")
   * is not one.
   */
  private static boolean isShareBar(String line) {
    String l = line.strip();
    if (l.length() > 120) {
      return false;
    }
    int words = 0;
    boolean network = false;
    for (String word : l.toLowerCase(java.util.Locale.ROOT).split("[\\s|/·•,]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!SHARE_WORDS.contains(word)) {
        return false;
      }
      words++;
      network |= !SHARE_FILLER.contains(word);
    }
    return network && (words >= 3 || words == 2 && l.toLowerCase(java.util.Locale.ROOT).contains("share"));
  }

  /** An update note: "Updated" and how long ago or a date; not "Updated guidance was issued on Monday". */
  private static boolean isUpdateNote(String line) {
    Matcher m = UPDATE_NOTE.matcher(line.strip());
    return m.matches() && (AGO.matcher(m.group(1)).matches() || Datelines.parse(m.group(1)).isPresent());
  }

  private static boolean isBoilerplate(String line) {
    return FurnitureLines.isPlainly(line.strip());
  }

  private static boolean isProse(String line) {
    return line.strip().length() > MAX_HEADLINE;
  }

  private static boolean looksLikeCaption(String line) {
    return line.indexOf('©') > 0 && line.length() <= MAX_CAPTION;
  }

  private static void dropLeadingBlanks(List<String> lines) {
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
  }
}
