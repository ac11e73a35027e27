package org.newsdesk.index.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.newsdesk.model.Published;

/**
 * Reads TREC-style SGML, the format of most research news collections: {@code <DOC><DOCNO>…</DOCNO>…<TEXT>…</TEXT></DOC>},
 * many documents per file, no root element.
 *
 * <p>Fields: {@code DOCNO} (required, the id); the title from {@code HEADLINE}, {@code HEAD}, {@code HL} or
 * {@code TITLE}; the date from {@code DATE}, {@code DATE_TIME} or {@code DD}; {@code DATELINE}; the body from every
 * {@code TEXT} element. Each document is located as {@code file:line} of its {@code <DOC>} tag.
 */
final class TrecReader implements CorpusReader {
  private static final String[] TITLE_TAGS = {"HEADLINE", "HEAD", "HL", "TITLE"};
  private static final String[] DATE_TAGS = {"DATE", "DATE_TIME", "DD"};

  @Override
  public void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems) throws IOException {
    byte[] bytes = SgmlReading.read(file, problems);
    if (bytes == null) {
      return;
    }
    String text = SgmlReading.decode(file, bytes, problems);
    int[] found = {0};
    SgmlMarkup.records(text, "DOC", file.name(), span -> {
      found[0]++;
      String location = file.name() + ":" + span.line();
      String docno = SgmlMarkup.text(SgmlMarkup.element(text, span.start(), span.end(), "DOCNO"));
      if (docno == null || docno.isBlank()) {
        problems.report(new InputProblem(location, InputProblem.Kind.BAD_RECORD, "<DOC> has no <DOCNO>; skipped", true));
        return;
      }
      StringBuilder body = new StringBuilder();
      for (int from = span.start(); ; ) {
        int open = SgmlMarkup.indexOfTag(text, from, span.end(), "<TEXT");
        if (open < 0) {
          break;
        }
        String part = SgmlMarkup.element(text, open, span.end(), "TEXT");
        body.append(SgmlMarkup.text(part)).append("\n\n");
        from = open + 5;
      }
      if (body.toString().isBlank()) {
        problems.report(new InputProblem(location, InputProblem.Kind.NO_BODY,
            "document " + docno.strip() + " has no <TEXT>; skipped", true));
        return;
      }
      Map<String, String> fields = new HashMap<>();
      fields.put(RawArticle.ID, docno.strip());
      putFirst(fields, RawArticle.TITLE, text, span, TITLE_TAGS);
      String date = first(text, span, DATE_TAGS);
      if (date != null && !date.isBlank()) {
        Optional<Published> published = SgmlReading.leadingDate(date);
        if (published.isPresent()) {
          fields.put(RawArticle.PUBLISHED, published.get().toString());
        } else {
          problems.report(new InputProblem(location, InputProblem.Kind.UNDATED,
              "cannot parse date '" + date.strip() + "' in document " + docno.strip() + "; kept as undated", false));
        }
      }
      putFirst(fields, RawArticle.DATELINE, text, span, "DATELINE");
      String hash = SourceFile.hash(text.substring(span.start(), span.end()).getBytes(StandardCharsets.UTF_8));
      articles.accept(new RawArticle(location, CorpusFormat.TREC, body.toString(), fields, hash));
    }, problems);
    if (found[0] == 0) {
      problems.report(new InputProblem(file.name(), InputProblem.Kind.BAD_RECORD,
          "no <DOC> records found; is this TREC SGML? (use --format to say what it is)", true));
    }
  }

  private static String first(String text, SgmlMarkup.Span span, String... tags) {
    for (String tag : tags) {
      String value = SgmlMarkup.text(SgmlMarkup.element(text, span.start(), span.end(), tag));
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static void putFirst(Map<String, String> fields, String key, String text, SgmlMarkup.Span span, String... tags) {
    String value = first(text, span, tags);
    if (value != null) {
      fields.put(key, value.strip());
    }
  }
}
