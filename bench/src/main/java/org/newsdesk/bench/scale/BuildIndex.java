package org.newsdesk.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * benchmark's raw Lucene baseline ({@link RawLuceneIndexer}). Prints one JSON line: articles, seconds, the process's
 * CPU seconds since it started (JVM start-up, JIT and GC included), peak heap (sum of the heap pools' peaks), GC count
 * and time. Exits 3 on OutOfMemoryError. {@link #inChild} runs it and reads that line.
 */
public final class BuildIndex {
  private BuildIndex() {}

  /**
   * Runs one build in a child JVM with this JVM's class path and the given JVM options, and returns its result line
   * (or an object with an {@code error} field when it printed none). Its stderr goes to this process's.
   *
   * @param jvmOptions options before the class path, such as {@code -Xmx1g}
   * @param system {@code newsdesk} or {@code lucene}
   */
  public static JsonNode inChild(Path corpus, Path index, int threads, double ramMb, List<String> jvmOptions,
      String system) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BuildIndex.class.getName(), corpus.toString(),
        index.toString(), Integer.toString(threads), Double.toString(ramMb), system));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int exit = process.waitFor();
    String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
    if (!last.startsWith("{")) {
      return new ObjectMapper().createObjectNode().put("error", "build exited " + exit + " with no result");
    }
    return new ObjectMapper().readTree(last);
  }

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
    double cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1e9 : -1;
    System.out.printf(Locale.ROOT,
        "{\"articles\":%d,\"seconds\":%.3f,\"cpu_seconds\":%.3f,\"peak_heap_bytes\":%d,\"max_heap_bytes\":%d,\"gc_count\":%d,\"gc_seconds\":%.3f,\"problems\":%d}%n",
        articles, seconds, cpu, peak, Runtime.getRuntime().maxMemory(), gcCount, gcMillis / 1e3, problems);
  }
}
