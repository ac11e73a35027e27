package org.newsdesk.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;

/**
 * The two-word compounds of {@code compounds.txt} ({@code ceasefire = cease fire}), ready for {@link CompoundFilter}.
 * Immutable once loaded; shared by every token stream of an analyzer.
 */
final class Compounds {
  private final List<String[]> entries;
  private final CharArrayMap<Start> starts = new CharArrayMap<>(128, false);
  private final WordPrefilter startPrefilter;

  /**
   * What a word begins: a closed compound ({@code parts}, its two words), or open ones ({@code seconds}: second word
   * → closed form). One word could be both; the closed reading wins, as in {@link CompoundFilter} before.
   */
  record Start(String[] parts, CharArrayMap<String> seconds) {}

  private Compounds(List<String[]> entries) {
    this.entries = List.copyOf(entries);
    CharArrayMap<String[]> closed = new CharArrayMap<>(64, false);
    CharArrayMap<CharArrayMap<String>> open = new CharArrayMap<>(64, false);
    for (String[] e : entries) {
      closed.put(e[0], new String[] {e[1], e[2]});
      CharArrayMap<String> seconds = open.get(e[1]);
      if (seconds == null) {
        seconds = new CharArrayMap<>(4, false);
        open.put(e[1], seconds);
      }
      seconds.put(e[2], e[0]);
    }
    for (String[] e : entries) {
      starts.put(e[0], new Start(closed.get(e[0]), null));
    }
    for (String[] e : entries) {
      if (!starts.containsKey(e[1])) {
        starts.put(e[1], new Start(null, open.get(e[1])));
      }
    }
    startPrefilter = new WordPrefilter(starts.keySet());
  }

  /** The bundled list, read once per process: it is immutable, and every index-side chain shares it. */
  static Compounds load() {
    return Bundled.LIST;
  }

  /** Holder: the list is read on first use, so a chain without compounds (the query side) never reads it. */
  private static final class Bundled {
    static final Compounds LIST = read();
  }

  private static Compounds read() {
    try (InputStream in = NewsAnalyzer.class.getResourceAsStream("compounds.txt")) {
      if (in == null) {
        throw new IllegalStateException("compounds.txt is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> entries = new ArrayList<>();
      int lineNo = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] sides = line.split("=", 2);
        String[] parts = sides.length == 2 ? words(sides[1]) : new String[0];
        if (parts.length != 2 || sides[0].isBlank()) {
          throw new IllegalStateException("compounds.txt:" + lineNo + ": expected 'compound = first second', got '" + line + "'");
        }
        entries.add(new String[] {sides[0].strip(), parts[0], parts[1]});
      }
      return new Compounds(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load compounds.txt", e);
    }
  }

  /**
   * The white-space separated words of {@code text}. Not {@code split("\\s+")}: that compiles a pattern for every
   * line, which a one-query process (the CLI) pays for in full.
   */
  private static String[] words(String text) {
    List<String> words = new ArrayList<>(2);
    int n = text.length();
    for (int i = 0; i < n; ) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(text.substring(start, i));
      }
    }
    return words.toArray(new String[0]);
  }

  /** Each entry as {closed, first part, second part}, in file order. */
  List<String[]> entries() {
    return entries;
  }

  /** {@code input} with both forms of every compound indexed. */
  TokenStream filter(TokenStream input) {
    return new CompoundFilter(input, starts, startPrefilter);
  }
}
