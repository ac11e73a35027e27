package org.newsdesk.bench.scale;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.newsdesk.bench.indexing.RawLuceneIndexer;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.index.IndexReport;

/**
 * One full build in its own JVM, so the heap limit ({@code -Xmx}) and the peak heap belong to the build alone:
 * {@code BuildIndex CORPUS INDEX THREADS RAM_MB [newsdesk|lucene]}: newsdesk's builder (the default) or the indexing
 * benchmark's raw Lucene baseline ({@link RawLuceneIndexer}). Prints one JSON line: articles, seconds, peak heap (sum
 * of the heap pools' peaks), GC count and time. Exits 3 on OutOfMemoryError.
 */
public final class BuildIndex {
  private BuildIndex() {}

  public static void main(String[] args) throws Exception {
    boolean raw = args.length == 5 && args[4].equals("lucene");
    if (args.length != 4 && !(args.length == 5 && (raw || args[4].equals("newsdesk")))) {
      System.err.println("usage: BuildIndex CORPUS INDEX THREADS RAM_MB [newsdesk|lucene]");
      System.exit(2);
    }
    int threads = Integer.parseInt(args[2]);
    double ramMb = Double.parseDouble(args[3]);
    // The gazetteer is read before the clock starts, as it was before raw Lucene was added here.
    IndexOptions options = raw ? null
        : new IndexOptions(Path.of(args[1]), Gazetteer.defaults(), Optional.empty(), threads, ramMb);
    long start = System.nanoTime();
    long articles;
    int problems = 0;
    try {
      if (raw) {
        articles = RawLuceneIndexer.index(Path.of(args[0]), Path.of(args[1]), threads, ramMb);
      } else {
        IndexReport report = IndexBuilder.index(List.of(Path.of(args[0])), options, s -> {});
        articles = report.added() + report.updated();
        problems = report.problems().size();
      }
    } catch (OutOfMemoryError e) {
      System.out.println("{\"error\":\"OutOfMemoryError\"}");
      System.exit(3);
      return;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long gcCount = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    System.out.printf(Locale.ROOT,
        "{\"articles\":%d,\"seconds\":%.3f,\"peak_heap_bytes\":%d,\"max_heap_bytes\":%d,\"gc_count\":%d,\"gc_seconds\":%.3f,\"problems\":%d}%n",
        articles, seconds, peak, Runtime.getRuntime().maxMemory(), gcCount, gcMillis / 1e3, problems);
  }
}
