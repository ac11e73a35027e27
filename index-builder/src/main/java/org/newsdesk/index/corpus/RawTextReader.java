package org.newsdesk.index.corpus;

import java.io.IOException;
import java.util.function.Consumer;

/** Reads a scraped text file (the seed's layout) as one article; the cleaner takes the layout apart. */
final class RawTextReader implements CorpusReader {
  @Override
  public void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems) throws IOException {
    byte[] bytes = file.readAllBytes();
    if (!InputChecks.usable(file.name(), bytes, problems)) {
      return;
    }
    SourceFile.Decoded decoded = SourceFile.decode(bytes);
    if (decoded.fellBack()) {
      problems.report(new InputProblem(file.name() + ":" + decoded.firstBadLine(), InputProblem.Kind.BAD_ENCODING,
          "not valid UTF-8 (first bad byte on this line); whole file read as Windows-1252", false));
    }
    articles.accept(new RawArticle(file.name(), CorpusFormat.RAW_TEXT, decoded.text(), null, SourceFile.hash(bytes)));
  }
}
