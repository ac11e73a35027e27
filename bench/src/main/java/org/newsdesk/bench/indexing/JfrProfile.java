package org.newsdesk.bench.indexing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time of a piece of work goes, from JDK Flight Recorder execution samples: each sample is charged to
 * the pipeline stage of the innermost frame that belongs to one (see {@link #stageOf}), and the innermost frames
 * are counted as hot methods. Garbage-collection pauses are summed separately.
 */
final class JfrProfile {
  /** Stage rules, tried in order on each frame's class name, innermost frame first. */
  private static final String[][] STAGES = {
      {"org.newsdesk.index.enrich.LanguageDetector", "clean: language detection"},
      {"org.newsdesk.index.enrich.", "tag (gazetteer tagger)"},
      {"org.newsdesk.index.clean.", "clean (cleaners, text normalization)"},
      {"org.newsdesk.index.corpus.", "read (scan, decode, parse, hash)"},
      {"com.fasterxml.jackson.", "read (scan, decode, parse, hash)"},
      {"org.newsdesk.schema.", "map (Article -> Document)"},
      {"org.apache.lucene.analysis.synonym.", "analyze: compounds (SynonymGraphFilter)"},
      {"org.apache.lucene.analysis.core.FlattenGraphFilter", "analyze: compounds (FlattenGraphFilter)"},
      {"org.apache.lucene.analysis.en.", "analyze: stemming, possessives"},
      {"org.newsdesk.analysis.", "analyze: other filters"},
      {"org.apache.lucene.analysis.standard.", "analyze: tokenize (StandardTokenizer)"},
      {"org.apache.lucene.analysis.", "analyze: other filters"},
      {"org.apache.lucene.index.", "index: postings, stored fields, doc values, flush, merge"},
      {"org.apache.lucene.codecs.", "index: postings, stored fields, doc values, flush, merge"},
      {"org.apache.lucene.store.", "index: postings, stored fields, doc values, flush, merge"},
      {"org.newsdesk.index.", "builder (queue, per-article bookkeeping)"},
  };

  private final Map<String, Integer> byStage;
  private final Map<String, Integer> hotMethods;
  private final int samples;
  private final double gcPauseSeconds;

  private JfrProfile(Map<String, Integer> byStage, Map<String, Integer> hotMethods, int samples, double gcPauseSeconds) {
    this.byStage = byStage;
    this.hotMethods = hotMethods;
    this.samples = samples;
    this.gcPauseSeconds = gcPauseSeconds;
  }

  /** Something to profile. */
  @FunctionalInterface
  interface Work {
    void run() throws IOException;
  }

  /** Runs {@code work} under a JFR recording written to {@code file}, and summarizes the samples. */
  static JfrProfile record(Path file, Work work) throws IOException {
    Configuration profile;
    try {
      profile = Configuration.getConfiguration("profile");
    } catch (java.text.ParseException e) {
      throw new IOException("cannot load the JFR 'profile' settings: " + e.getMessage(), e);
    }
    try (Recording recording = new Recording(profile)) {
      recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
      recording.start();
      work.run();
      recording.stop();
      recording.dump(file);
    }
    return summarize(file);
  }

  private static JfrProfile summarize(Path file) throws IOException {
    Map<String, Integer> byStage = new HashMap<>();
    Map<String, Integer> hot = new HashMap<>();
    int samples = 0;
    double gc = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      String type = event.getEventType().getName();
      if (type.equals("jdk.GarbageCollection")) {
        gc += event.getDuration("sumOfPauses").toNanos() / 1e9;
        continue;
      }
      if (!type.equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      RecordedFrame top = frames.get(0);
      hot.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
      byStage.merge(stageOf(frames), 1, Integer::sum);
    }
    return new JfrProfile(sortDescending(byStage), sortDescending(hot), samples, gc);
  }

  /** The stage of the innermost frame that matches a rule, or "other (JDK, JIT, threads)". */
  static String stageOf(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      for (String[] rule : STAGES) {
        if (type.startsWith(rule[0])) {
          return rule[1];
        }
      }
    }
    return "other (JDK, JIT, threads)";
  }

  private static Map<String, Integer> sortDescending(Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort((a, b) -> b.getValue() - a.getValue());
    Map<String, Integer> sorted = new LinkedHashMap<>();
    entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** Share of samples per stage, largest first. */
  Map<String, Double> stageShares() {
    Map<String, Double> shares = new LinkedHashMap<>();
    byStage.forEach((k, v) -> shares.put(k, v / (double) Math.max(1, samples)));
    return shares;
  }

  /** The {@code n} hottest methods with their share of samples. */
  Map<String, Double> hotMethods(int n) {
    Map<String, Double> shares = new LinkedHashMap<>();
    hotMethods.entrySet().stream().limit(n).forEach(e -> shares.put(e.getKey(), e.getValue() / (double) Math.max(1, samples)));
    return shares;
  }

  /** Lines for people. */
  List<String> describe(int hottest) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "profile: %d CPU samples, GC pauses %.1f s", samples, gcPauseSeconds));
    stageShares().forEach((k, v) -> lines.add(String.format(Locale.ROOT, "  %5.1f%%  %s", 100 * v, k)));
    lines.add("hottest methods (self time):");
    hotMethods(hottest).forEach((k, v) -> lines.add(String.format(Locale.ROOT, "  %5.1f%%  %s", 100 * v, k)));
    return lines;
  }

  int samples() {
    return samples;
  }

  double gcPauseSeconds() {
    return gcPauseSeconds;
  }
}
