package org.newsdesk.bench.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The baseline: plain Lucene on the same input files, with no cleaning and no tagging. One reader thread parses the
 * files (JSON Lines with Jackson; a raw text file is one document, its whole text the body) and feeds
 * {@code threads} workers through a bounded queue, as newsdesk's builder does. Each document has the id as a stored
 * StringField and title and body as stored TextFields, analyzed by StandardAnalyzer; one commit at the end.
 */
public final class RawLuceneIndexer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] END = new String[0];

  private RawLuceneIndexer() {}

  /** Indexes every input file under {@code corpus} into {@code indexDir}; returns the number of documents. */
  public static long index(Path corpus, Path indexDir, int threads, double ramBufferMb) throws IOException {
    List<Path> files = inputFiles(corpus);
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(ramBufferMb)
        .setCommitOnClose(false);
    AtomicLong count = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (FSDirectory dir = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, config)) {
      BlockingQueue<String[]> queue = new ArrayBlockingQueue<>(256);
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Thread t = new Thread(() -> work(queue, writer, count, failure), "raw-lucene-" + i);
        t.start();
        workers.add(t);
      }
      try {
        for (Path file : files) {
          read(file, queue);
        }
      } finally {
        for (int i = 0; i < threads; i++) {
          put(queue, END);
        }
        join(workers);
      }
      if (failure.get() != null) {
        throw new IOException("raw Lucene indexing failed: " + failure.get(), failure.get());
      }
      writer.commit();
    }
    return count.get();
  }

  /** The input files: regular, non-hidden files under {@code corpus}, sorted. */
  static List<Path> inputFiles(Path corpus) throws IOException {
    try (Stream<Path> walk = Files.walk(corpus)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static void read(Path file, BlockingQueue<String[]> queue) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".jsonl")) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (!line.isBlank()) {
            JsonNode node = JSON.readTree(line);
            put(queue, new String[] {node.path("id").asText(), node.path("title").asText(""), node.path("body").asText("")});
          }
        }
      }
    } else {
      put(queue, new String[] {name, "", Files.readString(file, StandardCharsets.UTF_8)});
    }
  }

  private static void work(BlockingQueue<String[]> queue, IndexWriter writer, AtomicLong count, AtomicReference<Throwable> failure) {
    try {
      for (String[] record = queue.take(); record != END; record = queue.take()) {
        if (failure.get() != null) {
          continue;
        }
        try {
          Document doc = new Document();
          doc.add(new StringField("id", record[0], Field.Store.YES));
          doc.add(new TextField("title", record[1], Field.Store.YES));
          doc.add(new TextField("body", record[2], Field.Store.YES));
          writer.addDocument(doc);
          count.incrementAndGet();
        } catch (IOException | RuntimeException e) {
          failure.compareAndSet(null, e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void put(BlockingQueue<String[]> queue, String[] record) {
    try {
      queue.put(record);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while reading"));
    }
  }

  private static void join(List<Thread> workers) throws IOException {
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while indexing");
      }
    }
  }
}
