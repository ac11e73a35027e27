package org.newsdesk.bench.corpus;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.newsdesk.gazetteer.Gazetteer;

/**
 * The synthetic corpus facade: generates a {@link CorpusSpec} to disk and leaves a hidden
 * {@code .corpus-manifest.json} (skipped by the corpus scanner) recording how it was made and what it holds.
 *
 * <p>Streaming: worker threads generate and encode batches of articles a few batches ahead of one writer thread, so
 * memory stays constant whatever the corpus size. The output does not depend on the number of threads.
 */
public final class SyntheticCorpus {
  /** The manifest's file name in the output directory. */
  public static final String MANIFEST = ".corpus-manifest.json";
  private static final int BATCH = 256;
  /** Bumped whenever the generated text changes for a given spec, so cached corpora are regenerated. */
  private static final String GENERATOR_VERSION = "newsdesk-synthetic/2";

  private SyntheticCorpus() {}

  /**
   * Generates the corpus unless {@code spec.out()} already holds it (same manifest key), so benchmarks can share one
   * generated corpus between runs.
   *
   * @return true if it was generated now
   */
  public static boolean ensure(CorpusSpec spec, Gazetteer gazetteer) throws IOException {
    java.nio.file.Path manifest = spec.out().resolve(MANIFEST);
    if (Files.exists(manifest) && Files.readString(manifest).contains("\"key\":\"" + key(spec, gazetteer) + "\"")) {
      return false;
    }
    generate(spec, gazetteer);
    return true;
  }

  private static String key(CorpusSpec spec, Gazetteer gazetteer) {
    return String.join("/", GENERATOR_VERSION, "seed=" + spec.seed(), "rev=" + spec.revision(), spec.format().name(), "start=" + spec.start(),
        "n=" + spec.articles(), "files=" + spec.files(), "perdir=" + spec.perDirectory(), gazetteer.fingerprint());
  }

  /** Generates the corpus the spec describes, with entities from {@code gazetteer}, on all cores. */
  public static CorpusSummary generate(CorpusSpec spec, Gazetteer gazetteer) throws IOException {
    return generate(spec, gazetteer, Runtime.getRuntime().availableProcessors());
  }

  /** Generates the corpus the spec describes with {@code threads} generator threads. */
  public static CorpusSummary generate(CorpusSpec spec, Gazetteer gazetteer, int threads) throws IOException {
    Objects.requireNonNull(spec, "spec");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    long startNanos = System.nanoTime();
    ArticleGenerator generator = ArticleGenerator.of(spec.seed(), spec.revision(), gazetteer);
    Files.createDirectories(spec.out());
    Files.deleteIfExists(spec.out().resolve(MANIFEST));
    CorpusWriter writer = switch (spec.format()) {
      case JSONL -> new JsonLinesCorpusWriter(spec.out(), spec.start(), spec.articles(), spec.files(), spec.perDirectory());
      case RAW -> new RawTextCorpusWriter(spec.out(), spec.start(), spec.articles(), spec.perDirectory());
    };
    Totals totals = new Totals();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "corpus-generator");
      t.setDaemon(true);
      return t;
    });
    try (writer) {
      Deque<Future<Batch>> pending = new ArrayDeque<>();
      long end = spec.start() + spec.articles();
      long next = spec.start();
      while (next < end || !pending.isEmpty()) {
        while (next < end && pending.size() < threads * 4) {
          long from = next;
          long to = Math.min(end, from + BATCH);
          pending.add(pool.submit(() -> Batch.generate(generator, writer, from, to)));
          next = to;
        }
        Batch batch = await(pending.poll());
        for (int i = 0; i < batch.articles.length; i++) {
          writer.write(batch.articles[i], batch.encoded[i]);
          totals.add(batch.articles[i], batch.encoded[i].length);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    CorpusSummary summary = new CorpusSummary(spec.articles(), writer.filesWritten(), totals.bytes, totals.words,
        totals.ceasefire, totals.withEntities, Duration.ofNanos(System.nanoTime() - startNanos));
    writeManifest(spec, gazetteer, summary);
    return summary;
  }

  private static Batch await(Future<Batch> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while generating the corpus");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("corpus generation failed: " + e.getCause(), e.getCause());
    }
  }

  private static void writeManifest(CorpusSpec spec, Gazetteer gazetteer, CorpusSummary s) throws IOException {
    try (Writer out = Files.newBufferedWriter(spec.out().resolve(MANIFEST), StandardCharsets.UTF_8)) {
      out.write(String.format(Locale.ROOT,
          "{\"key\":\"%s\",\"seed\":%d,\"revision\":%d,\"format\":\"%s\",\"start\":%d,"
              + "\"articles\":%d,\"files\":%d,\"bytes\":%d,\"body_words\":%d,\"ceasefire_stories\":%d,"
              + "\"articles_with_entities\":%d,\"gazetteer\":\"%s\"}%n",
          key(spec, gazetteer), spec.seed(), spec.revision(), spec.format().name().toLowerCase(Locale.ROOT), spec.start(),
          s.articles(), s.files(), s.bytes(), s.bodyWords(), s.ceasefireStories(), s.articlesWithEntities(),
          gazetteer.fingerprint()));
    }
  }

  /** Consecutive articles, generated and encoded by one worker. */
  private record Batch(SyntheticArticle[] articles, byte[][] encoded) {
    static Batch generate(ArticleGenerator generator, CorpusWriter writer, long from, long to) {
      int n = (int) (to - from);
      SyntheticArticle[] articles = new SyntheticArticle[n];
      byte[][] encoded = new byte[n][];
      for (int i = 0; i < n; i++) {
        articles[i] = generator.article(from + i);
        encoded[i] = writer.encode(articles[i]);
      }
      return new Batch(articles, encoded);
    }
  }

  /** Running totals for the summary; touched by the writer thread only. */
  private static final class Totals {
    long bytes;
    long words;
    long ceasefire;
    long withEntities;

    void add(SyntheticArticle a, int size) {
      bytes += size;
      words += a.bodyWords();
      ceasefire += a.ceasefire() ? 1 : 0;
      withEntities += a.entityIds().isEmpty() ? 0 : 1;
    }
  }
}
