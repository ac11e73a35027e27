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
  /** A caption is a line of at most this many characters that carries a credit mark. */
  private static final int MAX_CAPTION = 600;

  @Override
  public Article clean(RawArticle raw) throws SkippedArticleException {
    List<String> lines = new ArrayList<>(List.of(TextNormalizer.paragraphs(raw.content()).split("\n", -1)));
    Published published = null;

    // 1. The junk line: icon names, with the scrape date in it. Scrapers sometimes repeat the share bar, and a
    //    junk line must never become the title, so every leading one goes; the first date found counts.
    dropLeadingBlanks(lines);
    while (!lines.isEmpty() && isJunkLine(lines.get(0))) {
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

    // 3. The dateline, more precise than the junk line's date.
    if (!lines.isEmpty()) {
      Optional<Published> dateline = Datelines.parse(lines.get(0));
      if (dateline.isPresent()) {
        published = dateline.get();
        lines.remove(0);
        dropLeadingBlanks(lines);
      }
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

    String body = TextNormalizer.paragraphs(String.join("\n", lines));
    if (body.isEmpty() && title != null && title.split(" ").length >= MIN_STORY_WORDS) {
      body = title; // a one-paragraph story (a wire brief): its text is the body, and it has no headline
      title = null;
    }
    if (body.isEmpty()) {
      throw new SkippedArticleException(InputProblem.Kind.NO_BODY, "no article body after the title");
    }
    String id = ArticleIds.of(null, null, raw.idName());
    return new Article(id, null, null, title, null, published, body, caption, credit, null, List.of(), raw.origin(), raw.contentHash());
  }

  private static boolean isJunkLine(String line) {
    Matcher m = ICON_WORD.matcher(line);
    int icons = 0;
    while (m.find()) {
      icons++;
    }
    return icons >= 3 || (JUNK_DATE.matcher(line).find() && line.length() > 60);
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
