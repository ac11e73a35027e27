package org.newsdesk.bench.ner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.GazetteerEntry;
import org.newsdesk.gazetteer.GazetteerException;
import org.newsdesk.index.enrich.Candidate;
import org.newsdesk.index.enrich.CandidateFinder;
import org.newsdesk.index.enrich.GazetteerEntityTagger;
import org.newsdesk.index.enrich.Mention;
import org.newsdesk.model.Article;
import org.newsdesk.model.EntityType;

/**
 * {@code bench/run eval-conll [--conll DIR]}: per-type precision, recall and F1 (PER, LOC, ORG; exact token-span
 * match) of the gazetteer tagger on CoNLL-2003 {@code eng.testb}, for
 * <ol>
 *   <li>the default gazetteer alone;
 *   <li>the default gazetteer plus candidate discovery: the unknown proper-noun phrases that {@link CandidateFinder}
 *       finds in testb's own text (unsupervised, no labels; at least 2 occurrences) are added with their guessed type;
 *   <li>the classic dictionary baseline: every gold PER/LOC/ORG mention of {@code eng.train}, with its majority type.
 * </ol>
 * Nothing is tuned on testb: the rules and word lists were written before this evaluation ran, and testb labels are
 * read only to score. MISC mentions are not scored; a predicted span overlapping a gold MISC counts as a false
 * positive, as in the CoNLL scorer.
 */
public final class ConllEvaluation {
  private static final List<String> TYPES = List.of("PER", "LOC", "ORG");

  private ConllEvaluation() {}

  /** Counts for one type. */
  private static final class Score {
    long tp;
    long fp;
    long fn;

    double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(System.getProperty("newsdesk.home", "."), "..", "shared", "corpora", "conll2003");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--conll") && i + 1 < args.length) {
        dir = Path.of(args[++i]);
      } else {
        System.err.println("usage: bench/run eval-conll [--conll DIR]");
        System.exit(2);
      }
    }
    Path test = dir.resolve("eng.testb");
    Path train = dir.resolve("eng.train");
    if (!Files.exists(test) || !Files.exists(train)) {
      System.err.println("eval-conll: " + dir + " has no eng.testb/eng.train; pass --conll DIR");
      System.exit(2);
    }
    List<ConllCorpus.Doc> testDocs = ConllCorpus.read(test);
    List<ConllCorpus.Doc> trainDocs = ConllCorpus.read(train);
    System.out.printf("CoNLL-2003 eng.testb: %d documents, %d tokens; gold PER %d, LOC %d, ORG %d%n%n", testDocs.size(),
        testDocs.stream().mapToInt(d -> d.tokens().size()).sum(), goldCount(testDocs, "PER"), goldCount(testDocs, "LOC"),
        goldCount(testDocs, "ORG"));

    Gazetteer defaults = Gazetteer.defaults();
    Gazetteer withCandidates = defaults.extendedWith(candidates(testDocs, defaults));
    Gazetteer dictionary = trainDictionary(trainDocs);

    Map<String, Map<String, Score>> rows = new LinkedHashMap<>();
    rows.put("default gazetteer (" + defaults.entries().size() + " entries)", evaluate(testDocs, defaults));
    rows.put("default + candidates (" + (withCandidates.entries().size() - defaults.entries().size()) + " added)",
        evaluate(testDocs, withCandidates));
    rows.put("eng.train dictionary (" + dictionary.entries().size() + " entries)", evaluate(testDocs, dictionary));

    System.out.println("| setup | type | precision | recall | F1 | tp | fp | fn |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    rows.forEach((name, scores) -> {
      for (String t : List.of("PER", "LOC", "ORG", "all")) {
        Score s = scores.get(t);
        System.out.printf("| %s | %s | %.1f | %.1f | %.1f | %d | %d | %d |%n", name, t, 100 * s.precision(), 100 * s.recall(),
            100 * s.f1(), s.tp, s.fp, s.fn);
      }
    });
  }

  private static long goldCount(List<ConllCorpus.Doc> docs, String type) {
    return docs.stream().flatMap(d -> d.gold().stream()).filter(s -> s.type().equals(type)).count();
  }

  /** Candidate phrases found in the documents' own text, as gazetteer entries of their guessed type. */
  private static Gazetteer candidates(List<ConllCorpus.Doc> docs, Gazetteer known) {
    CandidateFinder finder = new CandidateFinder(known);
    List<Article> articles = docs.stream().map(ConllEvaluation::article).toList();
    articles.forEach(finder::learn);
    articles.forEach(finder::add);
    List<GazetteerEntry> entries = new ArrayList<>();
    for (Candidate c : finder.candidates(2, Integer.MAX_VALUE)) {
      entries.add(new GazetteerEntry("candidate-" + entries.size(), c.phrase(), c.typeGuess(), List.of()));
    }
    return valid(entries);
  }

  /** Every gold PER/LOC/ORG mention of the training file, typed by majority vote. */
  private static Gazetteer trainDictionary(List<ConllCorpus.Doc> docs) {
    Map<String, Map<String, Integer>> votes = new LinkedHashMap<>();
    for (ConllCorpus.Doc d : docs) {
      for (ConllCorpus.Span s : d.gold()) {
        if (TYPES.contains(s.type())) {
          String phrase = String.join(" ", d.tokens().subList(s.start(), s.end()));
          votes.computeIfAbsent(phrase, k -> new HashMap<>()).merge(s.type(), 1, Integer::sum);
        }
      }
    }
    List<GazetteerEntry> entries = new ArrayList<>();
    votes.forEach((phrase, v) -> {
      String type = v.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .orElseThrow().getKey();
      entries.add(new GazetteerEntry("train-" + entries.size(), phrase, EntityType.of(type), List.of()));
    });
    return valid(entries);
  }

  /** A gazetteer of the entries that pass validation (a phrase with no letter, or all lower case, is left out). */
  private static Gazetteer valid(List<GazetteerEntry> entries) {
    List<GazetteerEntry> ok = new ArrayList<>();
    for (GazetteerEntry e : entries) {
      try {
        Gazetteer.of(List.of(e));
        ok.add(e);
      } catch (GazetteerException ex) {
        // counted below: the validator refuses names that cannot be matched safely
      }
    }
    if (ok.size() < entries.size()) {
      System.out.printf("(%d of %d entries refused by gazetteer validation, e.g. all lower case)%n", entries.size() - ok.size(), entries.size());
    }
    return Gazetteer.of(ok);
  }

  private static Article article(ConllCorpus.Doc d) {
    return new Article("conll", null, null, null, null, null, d.text(), null, null, null, null, null, null);
  }

  private static Map<String, Score> evaluate(List<ConllCorpus.Doc> docs, Gazetteer gazetteer) {
    GazetteerEntityTagger tagger = new GazetteerEntityTagger(gazetteer);
    Map<String, Score> scores = new LinkedHashMap<>();
    TYPES.forEach(t -> scores.put(t, new Score()));
    scores.put("all", new Score());
    for (ConllCorpus.Doc d : docs) {
      Set<ConllCorpus.Span> predicted = new HashSet<>();
      Set<ConllCorpus.Span> misaligned = new HashSet<>();
      for (Mention m : tagger.mentions(d.text())) {
        String type = conllType(m.entry().type());
        if (type == null) {
          continue;
        }
        int start = d.tokenStartingAt(m.start());
        int end = d.tokenEndingAt(m.end());
        if (start < 0 || end < 0) {
          misaligned.add(new ConllCorpus.Span(m.start(), m.end(), type)); // not on token boundaries: never exact
        } else {
          predicted.add(new ConllCorpus.Span(start, end + 1, type));
        }
      }
      Set<ConllCorpus.Span> gold = new HashSet<>();
      d.gold().stream().filter(s -> TYPES.contains(s.type())).forEach(gold::add);
      for (ConllCorpus.Span p : predicted) {
        Score s = scores.get(p.type());
        if (gold.contains(p)) {
          s.tp++;
        } else {
          s.fp++;
        }
      }
      misaligned.forEach(p -> scores.get(p.type()).fp++);
      for (ConllCorpus.Span g : gold) {
        if (!predicted.contains(g)) {
          scores.get(g.type()).fn++;
        }
      }
    }
    Score all = scores.get("all");
    TYPES.forEach(t -> {
      all.tp += scores.get(t).tp;
      all.fp += scores.get(t).fp;
      all.fn += scores.get(t).fn;
    });
    return scores;
  }

  private static String conllType(EntityType t) {
    if (t.equals(EntityType.PERSON)) {
      return "PER";
    } else if (t.equals(EntityType.LOCATION)) {
      return "LOC";
    } else if (t.equals(EntityType.ORGANIZATION)) {
      return "ORG";
    }
    return null;
  }
}
