package org.newsdesk.index.corpus;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a file that holds exactly one article (a scraped text file laid out like the seed, or one HTML page) as one
 * raw article of the given format; the cleaner for that format takes it apart.
 */
final class OneArticleFileReader implements CorpusReader {
  private final CorpusFormat format;

  OneArticleFileReader(CorpusFormat format) {
    this.format = Objects.requireNonNull(format, "format");
  }

  @Override
  public void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems) throws IOException {
    byte[] bytes = file.readAtMost(SourceFile.MAX_ARTICLE_BYTES);
    if (bytes.length > SourceFile.MAX_ARTICLE_BYTES) {
      problems.report(file.tooLarge(SourceFile.MAX_ARTICLE_BYTES));
      return;
    }
    if (!InputChecks.usable(file.name(), bytes, problems)) {
      return;
    }
    // a page says what charset it is in; plain text does not
    SourceFile.Decoded decoded = format == CorpusFormat.HTML ? SourceFile.decodePage(bytes, null) : SourceFile.decode(bytes);
    if (decoded.fellBack()) {
      problems.report(new InputProblem(file.name() + ":" + decoded.firstBadLine(), InputProblem.Kind.BAD_ENCODING,
          "not valid UTF-8 (first bad byte on this line); " + (decoded.legacy() ? "whole file " : "") + decoded.readAs(),
          false));
    }
    // the folders that tell this file from others of the same name, when there are any (RawArticle.idName)
    Map<String, String> fields = file.sharedIdName() == null ? null : Map.of(RawArticle.ID_NAME, file.sharedIdName());
    articles.accept(new RawArticle(file.name(), format, decoded.text(), fields, SourceFile.hash(bytes)));
  }
}
