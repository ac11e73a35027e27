package org.newsdesk.bench.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * Writes one seed-style {@code .txt} file per article, named after its id: a junk line of icon names carrying
 * {@code date YYYY-MM-DD}, the title, a blank line, the dateline ({@code 27 Sep, 2020 17:38}), a photo caption with
 * a {@code ©} credit, then the body paragraphs separated by blank lines.
 */
final class RawTextCorpusWriter implements CorpusWriter {
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  private static final String ICONS = "  icon bookmarkicon cameraicon chevron downicon chevron upicon closeicon"
      + " menuicon searchicon shareicon playicon pauseicon mailicon printicon tagicon usericon";

  private final ShardLayout layout;
  private final long first;
  private Path currentDir;
  private long created;

  /**
   * @param first the index of the first article that will be written
   * @param articles how many articles will be written
   */
  RawTextCorpusWriter(Path root, long first, long articles, int perDirectory) {
    this.layout = new ShardLayout(root, articles, perDirectory);
    this.first = first;
  }

  @Override
  public byte[] encode(SyntheticArticle a) {
    OffsetDateTime p = a.published();
    Utf8Builder text = new Utf8Builder(a.body().length() + 1024);
    text.append(" date ").append(p.toLocalDate().toString()).append(ICONS).ascii('\n')
        .append(a.title()).append("\n\n")
        .append(p.getDayOfMonth()).ascii(' ').append(MONTHS[p.getMonthValue() - 1]).append(", ").append(p.getYear())
        .ascii(' ').append(twoDigits(p.getHour())).ascii(':').append(twoDigits(p.getMinute())).ascii('\n')
        .append(a.caption()).append(" ©").append(a.credit()).ascii('\n')
        .append(a.body()).ascii('\n');
    return text.toBytes();
  }

  @Override
  public void write(SyntheticArticle a, byte[] encoded) throws IOException {
    Path dir = layout.directoryOf(a.index() - first);
    if (!dir.equals(currentDir)) {
      Files.createDirectories(dir);
      currentDir = dir;
    }
    Files.write(dir.resolve(a.id() + ".txt"), encoded);
    created++;
  }

  /** ISO-8601 with seconds, {@code 2020-09-27T17:38:00Z}. */
  static String iso(OffsetDateTime t) {
    return t.toLocalDate() + "T" + twoDigits(t.getHour()) + ":" + twoDigits(t.getMinute()) + ":" + twoDigits(t.getSecond())
        + (t.getOffset().getTotalSeconds() == 0 ? "Z" : t.getOffset().getId());
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  @Override
  public long filesWritten() {
    return created;
  }

  @Override
  public void close() {}
}
