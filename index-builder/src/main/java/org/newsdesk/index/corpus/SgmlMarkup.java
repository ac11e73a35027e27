package org.newsdesk.index.corpus;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient helpers for the SGML of news collections (TREC, Reuters-21578), which is not XML: no root element,
 * unescaped {@code >}, numeric references to control characters ({@code &#3;}), tags in any case. No XML parser is
 * involved, so none of that can fail; text is taken between tags found by plain search. Stateless.
 */
final class SgmlMarkup {
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,7});");
  private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
  private static final Pattern PARAGRAPH_TAG = Pattern.compile("(?i)</?P(?:\\s[^<>]*)?>");

  private SgmlMarkup() {}

  /**
   * The raw content of the first {@code <NAME ...>…</NAME>} element in {@code text[from, to)}, or null.
   * Tag names match case-insensitively; an unclosed element runs to {@code to}.
   */
  static String element(String text, int from, int to, String name) {
    int open = indexOfTag(text, from, to, "<" + name);
    if (open < 0) {
      return null;
    }
    int start = text.indexOf('>', open);
    if (start < 0 || start >= to) {
      return null;
    }
    start++;
    int end = indexOfTag(text, start, to, "</" + name);
    return text.substring(start, end < 0 ? to : end);
  }

  /**
   * The index of a tag opening {@code prefix} (such as {@code <TEXT} or {@code </DOC}) in {@code [from, to)}, matched
   * case-insensitively and followed by {@code >}, whitespace or {@code /}; -1 if absent.
   */
  static int indexOfTag(String text, int from, int to, String prefix) {
    int n = prefix.length();
    for (int i = text.indexOf('<', from); i >= 0 && i + n <= to; i = text.indexOf('<', i + 1)) {
      if (text.regionMatches(true, i, prefix, 0, n)) {
        char next = i + n < text.length() ? text.charAt(i + n) : '>';
        if (next == '>' || next == '/' || Character.isWhitespace(next)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** An attribute value of an opening tag such as {@code <REUTERS NEWID="5" ...>}, or null. */
  static String attribute(String openingTag, String name) {
    Matcher m = Pattern.compile("(?i)\\b" + Pattern.quote(name) + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))")
        .matcher(openingTag);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
  }

  /**
   * Plain text of an element's content: {@code <P>} becomes a paragraph break, other tags are removed, entities are
   * decoded, control characters (except tab and newline) are dropped. Line breaks are kept for the cleaner.
   */
  static String text(String content) {
    if (content == null) {
      return null;
    }
    String s = PARAGRAPH_TAG.matcher(content).replaceAll("\n\n");
    s = TAG.matcher(s).replaceAll(" ");
    return decodeEntities(s);
  }

  /** Decodes numeric references and named ones (HTML's, and the TREC disks' {@code &hyph;} and {@code &blank;}); control characters come out as nothing. */
  static String decodeEntities(String s) {
    if (s.indexOf('&') < 0) {
      return dropControls(s);
    }
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
    }
    m.appendTail(out);
    return dropControls(out.toString());
  }

  private static String entity(String name, String whole) {
    if (name.charAt(0) == '#') {
      int cp;
      try {
        cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
      } catch (NumberFormatException e) {
        return whole;
      }
      if (!Character.isValidCodePoint(cp) || Character.isISOControl(cp) && cp != '\n' && cp != '\t') {
        return "";
      }
      return new String(Character.toChars(cp));
    }
    switch (name.toLowerCase(Locale.ROOT)) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      case "nbsp":
        return "\u00A0";
      // the TREC disks' own (AP, WSJ, FR): a hyphen and a space their typesetting kept apart
      case "hyph":
        return "-";
      case "blank":
        return " ";
      default:
        // HTML's named references, case-sensitive (&Eacute; is not &eacute;): &eacute;, &mdash;, &frac12;
        String named = org.jsoup.nodes.Entities.isNamedEntity(name) ? org.jsoup.nodes.Entities.getByName(name) : "";
        return named.isEmpty() ? whole : named;
    }
  }

  private static String dropControls(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7F;
      if (control && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      } else if (!control && out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** One record found by {@link #records}: its span in the text and the line it starts on. */
  record Span(int start, int end, int line) {}

  /** Receives the records of a file. */
  @FunctionalInterface
  interface SpanHandler {
    void accept(Span span);
  }

  /**
   * Finds every {@code <NAME …>…</NAME>} record in {@code text}, in order. A record not closed before the next one
   * opens ends where the next begins, with a warning (some collections leave out {@code </DOC>}); one left open at
   * the end of the file is reported as truncated (with its line) and not handed on; stray text between records is
   * ignored. One pass over the text, whatever the records' shape.
   */
  static void records(String text, String name, String file, SpanHandler handler, ProblemSink problems) {
    String opening = "<" + name;
    String closing = "</" + name;
    int line = 1;
    int lineIndex = 0;
    int from = 0;
    int open = indexOfTag(text, from, text.length(), opening);
    boolean saidOpen = false;
    while (open >= 0) {
      line = lineAt(text, lineIndex, line, open);
      lineIndex = open;
      int next = indexOfEitherTag(text, open + 1, opening, closing);
      if (next < 0) {
        problems.report(new InputProblem(file + ":" + line, InputProblem.Kind.TRUNCATED,
            "<" + name + "> record is not closed by </" + name + "> before the end of the file; skipped", true));
        return;
      }
      if (text.charAt(next + 1) != '/') {
        if (!saidOpen) { // once per file: a collection without end tags would say it for every record
          problems.report(new InputProblem(file + ":" + line, InputProblem.Kind.BAD_RECORD,
              "<" + name + "> record is not closed by </" + name + ">; read up to the next <" + name + ">, as is any"
                  + " later record of this file left open", false));
          saidOpen = true;
        }
        handler.accept(new Span(open, next, line));
        open = next;
        continue;
      }
      int end = text.indexOf('>', next);
      end = end < 0 ? text.length() : end + 1;
      handler.accept(new Span(open, end, line));
      open = indexOfTag(text, end, text.length(), opening);
    }
  }

  /** The first tag opening {@code a} or {@code b} from {@code from} on, as {@link #indexOfTag} matches them; -1 if none. */
  private static int indexOfEitherTag(String text, int from, String a, String b) {
    for (int i = text.indexOf('<', from); i >= 0; i = text.indexOf('<', i + 1)) {
      for (String prefix : new String[] {a, b}) {
        int n = prefix.length();
        if (i + n <= text.length() && text.regionMatches(true, i, prefix, 0, n)) {
          char after = i + n < text.length() ? text.charAt(i + n) : '>';
          if (after == '>' || after == '/' || Character.isWhitespace(after)) {
            return i;
          }
        }
      }
    }
    return -1;
  }

  /** The 1-based line number of {@code index}, counting from a known line at a known index. */
  static int lineAt(String text, int knownIndex, int knownLine, int index) {
    int line = knownLine;
    for (int i = knownIndex; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
