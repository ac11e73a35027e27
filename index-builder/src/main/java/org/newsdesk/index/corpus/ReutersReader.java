package org.newsdesk.index.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.model.Published;

/**
 * Reads Reuters-21578 SGML: {@code <REUTERS … NEWID="N" …>} records holding {@code DATE}, and a {@code TEXT} with
 * {@code TITLE}, {@code DATELINE} and {@code BODY}.
 *
 * <p>The collection is not XML and is read without an XML parser: attributes are found by name (some records carry
 * an extra {@code CSECS}), {@code >} is not escaped, {@code &#N;} control references are dropped, and a file that is
 * not valid UTF-8 (one byte 0xFC in reut2-017) is read as Windows-1252 with a warning. The id is {@code reuters-NEWID}
 * (NEWID alone would collide with other sources' numeric ids). {@code TYPE="BRIEF"} records (headline only) are
 * skipped as having no body; {@code TYPE="UNPROC"} records give their whole unparsed text as the body. The wire's
 * {@code Reuter} sign-off at the end of a body is removed. Each record is located as {@code file:line}.
 */
final class ReutersReader implements CorpusReader {
  /** The outlet every record comes from. */
  static final String SOURCE = "Reuters";
  /** The day, and the time if present, at the start of a DATE value. */
  /** A routing number and stars before a headline ({@code 161125******}). */
  private static final Pattern ROUTING = Pattern.compile("^[0-9]*\\*+");
  /** A month as the wire writes it: {@code April}, {@code APRIL}, {@code Apr}, {@code Sept.}. */
  private static final String MONTH = "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
      + "|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?";
  /** The wire's date at the end of a headline line: {@code - APRIL 7}, {@code - MARCH 3}. */
  private static final Pattern WIRE_DATE_AT_END = Pattern.compile(
      "-\\s*" + MONTH + "\\s+\\d{1,2}(?:,\\s*(?:19|20)\\d\\d)?\\s*$");
  /** A headline that runs on after the wire's date into a table ({@code ... RATE - APRIL 7 ONE MTH 3-3/8}). */
  private static final Pattern RUN_ON_AFTER_DATE = Pattern.compile(
      "^(.*?\\s-\\s*" + MONTH + "\\s+\\d{1,2})\\s+[^\\s-].*$"); // (CORRECTION) - MARCH 30 - YUGOSLAV ...: goes on
  /**
   * A dateline run into the end of a headline: {@code  LONDON, March 24 -} (and what follows it). The place is one
   * word, or two after the first words of the wire's two-word cities ({@code NEW YORK}): a headline's own words are
   * capitals too.
   */
  private static final Pattern RUN_IN_DATELINE = Pattern.compile("\\s+(?:(?:NEW|LOS|SAN|SANTA|HONG|KUALA|BUENOS|TEL"
      + "|MEXICO|SAO|RIO|LAS|ST\\.?|SALT|KANSAS|OKLAHOMA|ABU|CAPE|PORT) )?[A-Z][A-Z.]+,\\s*(?:" + MONTH
      + "(?:\\s+\\d{1,2})?(?:\\s*-.*)?)?$");
  private static final Pattern LEADING_DATE = Pattern.compile("(\\d{1,2}-[A-Za-z]{3}-\\d{4})(?: \\d{1,3}:\\d{2}:\\d{2}(?:\\.\\d+)?)?");
  private static final Pattern SIGN_OFF = Pattern.compile("\\s*\\bREUTER\\s*$", Pattern.CASE_INSENSITIVE);

  @Override
  public void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems) throws IOException {
    byte[] bytes = SgmlReading.read(file, problems);
    if (bytes == null) {
      return;
    }
    String text = SgmlReading.decode(file, bytes, problems);
    int[] found = {0};
    SgmlMarkup.records(text, "REUTERS", file.name(), span -> {
      found[0]++;
      String location = file.name() + ":" + span.line();
      String openTag = text.substring(span.start(), Math.max(span.start(), text.indexOf('>', span.start())));
      String newId = SgmlMarkup.attribute(openTag, "NEWID");
      if (newId == null || newId.isBlank()) {
        problems.report(new InputProblem(location, InputProblem.Kind.BAD_RECORD, "<REUTERS> has no NEWID attribute; skipped", true));
        return;
      }
      String id = "reuters-" + newId.strip();
      int textOpen = SgmlMarkup.indexOfTag(text, span.start(), span.end(), "<TEXT");
      String type = textOpen < 0 ? null
          : SgmlMarkup.attribute(text.substring(textOpen, text.indexOf('>', textOpen) + 1), "TYPE");
      String textContent = textOpen < 0 ? null : SgmlMarkup.element(text, textOpen, span.end(), "TEXT");
      Map<String, String> fields = new HashMap<>();
      fields.put(RawArticle.ID, id);
      fields.put(RawArticle.SOURCE, SOURCE);
      String body;
      if (textContent == null) {
        body = null;
      } else if ("UNPROC".equalsIgnoreCase(type)) {
        body = SgmlMarkup.text(textContent);
        String[] headline = unprocessedHeadline(body);
        if (headline != null) {
          fields.put(RawArticle.TITLE, headline[0]);
          body = headline[1].isBlank() ? body : headline[1]; // a headline alone stays the text too
        }
      } else {
        int len = textContent.length();
        put(fields, RawArticle.TITLE, SgmlMarkup.text(SgmlMarkup.element(textContent, 0, len, "TITLE")));
        put(fields, RawArticle.DATELINE, dateline(SgmlMarkup.text(SgmlMarkup.element(textContent, 0, len, "DATELINE"))));
        body = SgmlMarkup.text(SgmlMarkup.element(textContent, 0, len, "BODY"));
      }
      if (body != null) {
        body = SIGN_OFF.matcher(body).replaceFirst("");
      }
      if (body == null || body.isBlank()) {
        boolean brief = "BRIEF".equalsIgnoreCase(type);
        String why = brief ? "is a headline-only brief (TEXT TYPE=\"BRIEF\")" : "has no <BODY> text";
        problems.report(new InputProblem(location, brief ? InputProblem.Kind.HEADLINE_ONLY : InputProblem.Kind.NO_BODY,
            id + " " + why + "; skipped", true));
        return;
      }
      String date = SgmlMarkup.text(SgmlMarkup.element(text, span.start(), span.end(), "DATE"));
      if (date != null && !date.isBlank()) {
        Optional<Published> published = PublishedDates.parse(date);
        Matcher leading = LEADING_DATE.matcher(date.strip());
        if (published.isEmpty() && leading.lookingAt()) {
          // Some records carry routing codes or a note after the time ("03:26:09.38F"); the date itself is sound.
          published = PublishedDates.parse(leading.group());
          if (published.isEmpty() && leading.group(1) != null) {
            published = PublishedDates.parse(leading.group(1));
            published.ifPresent(p -> problems.report(new InputProblem(location, InputProblem.Kind.BAD_RECORD,
                "invalid time in date '" + date.strip() + "' of " + id + "; kept the day only", false)));
          }
        }
        if (published.isPresent()) {
          fields.put(RawArticle.PUBLISHED, published.get().toString());
        } else {
          problems.report(new InputProblem(location, InputProblem.Kind.UNDATED,
              "cannot parse date '" + date.strip() + "' in " + id + "; kept as undated", false));
        }
      }
      String hash = SourceFile.hash(text.substring(span.start(), span.end()).getBytes(StandardCharsets.UTF_8));
      articles.accept(new RawArticle(location, CorpusFormat.REUTERS_SGML, body, fields, hash));
    }, problems);
    if (found[0] == 0) {
      problems.report(new InputProblem(file.name(), InputProblem.Kind.BAD_RECORD,
          "no <REUTERS> records found; is this Reuters-21578 SGML? (use --format to say what it is)", true));
    }
  }

  /**
   * The headline of an unprocessed record ({@code TYPE="UNPROC"}: the wire text as sent, without TITLE and BODY) and
   * the text after it, or null when it has none. The wire set headlines in capitals at the start of a line, and
   * the story's lines after them indented or in mixed case: the first unindented line in capitals (and the next one
   * when it goes on a wrapped line) is the
   * headline ({@code 161125******S/P DOWNGRADES DENMARK'S ...}: the routing number and stars before it dropped, as a
   * note in parentheses above it).
   */
  static String[] unprocessedHeadline(String text) {
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length && (lines[i].isBlank() || isNote(lines[i]))) {
      i++;
    }
    StringBuilder title = new StringBuilder();
    int end = i;
    // a second line only when the first is as long as the wire's wrapped lines and does not end in the wire's date
    // (- APRIL 7): a short or dated one is a whole headline, and what follows it in capitals a table's first row
    while (end < lines.length && (end == i || end == i + 1 && continues(lines[i], lines[end])) && !lines[end].isBlank()
        && !Character.isWhitespace(lines[end].charAt(0)) && inCapitals(lines[end])) {
      title.append(title.length() == 0 ? "" : " ").append(lines[end].strip());
      end++;
    }
    // a dateline the wire ran into the headline (... BONDS LONDON, March 24 -) is not the headline's
    String headline = RUN_IN_DATELINE.matcher(ROUTING.matcher(title).replaceFirst("")).replaceFirst("").strip();
    headline = RUN_ON_AFTER_DATE.matcher(headline).replaceFirst("$1");
    if (headline.isEmpty()) {
      return null;
    }
    return new String[] {headline, String.join("\n", java.util.Arrays.asList(lines).subList(end, lines.length))};
  }

  /** Whether {@code next} goes on with the headline {@code first}: a wrapped line, not a table row. */
  private static boolean continues(String first, String next) {
    if (first.strip().length() < 50 || WIRE_DATE_AT_END.matcher(first).find()) {
      return false;
    }
    int digits = 0;
    int letters = 0;
    for (int k = 0; k < next.length(); k++) {
      digits += Character.isDigit(next.charAt(k)) ? 1 : 0;
      letters += Character.isLetter(next.charAt(k)) ? 1 : 0;
    }
    return digits < letters; // EMIRATES 3.6727/32 BAHRAIN 0.37693/03: figures
  }

  /** A routing note before the headline: {@code     (EMBARGOED FOR RELEASE AT 1130 GMT)}. */
  private static boolean isNote(String line) {
    String s = line.strip();
    return s.startsWith("(") && s.endsWith(")");
  }

  /** True when at least seven of ten letters of {@code line} ({@code N.Y. TANKERS - April 1}), and three, are capitals. */
  private static boolean inCapitals(String line) {
    int letters = 0;
    int capitals = 0;
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (Character.isLetter(c)) {
        letters++;
        capitals += Character.isUpperCase(c) ? 1 : 0;
      }
    }
    return capitals >= 3 && capitals * 10 >= letters * 7;
  }

  /** {@code     NEW YORK, Feb 26 - } → {@code NEW YORK, Feb 26}. */
  private static String dateline(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    return s.endsWith("-") ? s.substring(0, s.length() - 1).strip() : s;
  }

  private static void put(Map<String, String> fields, String key, String value) {
    if (value != null && !value.isBlank()) {
      fields.put(key, value.strip());
    }
  }
}
