package org.newsdesk.bench.corpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes JSON Lines as {@code org.newsdesk.index.corpus.JsonLinesReader} reads them: one object per line with
 * {@code id}, {@code title}, {@code published} (ISO-8601, UTC), {@code url}, {@code source} and {@code body}.
 * The articles are split over {@code files} files of contiguous index ranges, {@code part-00000.jsonl} and on.
 */
final class JsonLinesCorpusWriter implements CorpusWriter {
  private final ShardLayout layout;
  private final long first;
  private final long articles;
  private final int files;
  private OutputStream out;
  private int currentFile = -1;
  private long created;

  /**
   * @param first the index of the first article that will be written
   * @param articles how many articles will be written
   * @param files how many files to spread them over
   */
  JsonLinesCorpusWriter(Path root, long first, long articles, int files, int perDirectory) {
    if (files < 1 || files > articles) {
      throw new IllegalArgumentException("files must be between 1 and the number of articles (" + articles + "), got " + files);
    }
    this.layout = new ShardLayout(root, files, perDirectory);
    this.first = first;
    this.articles = articles;
    this.files = files;
  }

  @Override
  public byte[] encode(SyntheticArticle a) {
    Utf8Builder line = new Utf8Builder(a.body().length() + 512);
    line.append("{\"id\":").jsonString(a.id())
        .append(",\"title\":").jsonString(a.title())
        .append(",\"published\":").jsonString(RawTextCorpusWriter.iso(a.published()))
        .append(",\"url\":").jsonString(a.url())
        .append(",\"source\":").jsonString(a.source())
        .append(",\"body\":").jsonString(a.body())
        .append("}\n");
    return line.toBytes();
  }

  @Override
  public void write(SyntheticArticle a, byte[] encoded) throws IOException {
    int file = (int) ((a.index() - first) * files / articles);
    if (file != currentFile) {
      open(file);
    }
    out.write(encoded);
  }

  private void open(int file) throws IOException {
    close();
    Path dir = layout.directoryOf(file);
    Files.createDirectories(dir);
    String digits = Integer.toString(file);
    Path path = dir.resolve("part-" + "0".repeat(Math.max(0, 5 - digits.length())) + digits + ".jsonl");
    out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20);
    currentFile = file;
    created++;
  }

  @Override
  public long filesWritten() {
    return created;
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }
}
