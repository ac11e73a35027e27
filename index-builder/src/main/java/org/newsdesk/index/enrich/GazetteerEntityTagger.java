package org.newsdesk.index.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.GazetteerEntry;
import org.newsdesk.model.Article;
import org.newsdesk.model.TaggedEntity;

/**
 * Tags the gazetteer's entities in title, caption and body: longest match on token boundaries, case folded.
 * Immutable once built and safe to share across threads.
 */
public final class GazetteerEntityTagger implements EntityTagger {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

  private final Map<String, List<Candidate>> byFirstToken = new HashMap<>();

  private record Candidate(List<String> tokens, GazetteerEntry entry) {}

  public GazetteerEntityTagger(Gazetteer gazetteer) {
    for (GazetteerEntry entry : gazetteer.entries()) {
      for (String name : entry.allNames()) {
        List<String> tokens = tokens(name);
        if (!tokens.isEmpty()) {
          byFirstToken.computeIfAbsent(tokens.get(0), k -> new ArrayList<>()).add(new Candidate(tokens, entry));
        }
      }
    }
    byFirstToken.values().forEach(list -> list.sort((a, b) -> b.tokens.size() - a.tokens.size()));
  }

  @Override
  public Article tag(Article article) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, GazetteerEntry> entries = new HashMap<>();
    for (String text : new String[] {article.title(), article.caption(), article.body()}) {
      if (text == null) {
        continue;
      }
      List<String> tokens = tokens(text);
      for (int i = 0; i < tokens.size(); ) {
        Candidate match = longestMatch(tokens, i);
        if (match == null) {
          i++;
          continue;
        }
        counts.computeIfAbsent(match.entry.id(), k -> new int[1])[0]++;
        entries.put(match.entry.id(), match.entry);
        i += match.tokens.size();
      }
    }
    List<TaggedEntity> tagged = new ArrayList<>();
    counts.forEach((id, n) -> {
      GazetteerEntry e = entries.get(id);
      tagged.add(new TaggedEntity(id, e.name(), e.type(), n[0]));
    });
    return article.withEntities(tagged);
  }

  private Candidate longestMatch(List<String> tokens, int start) {
    List<Candidate> candidates = byFirstToken.get(tokens.get(start));
    if (candidates == null) {
      return null;
    }
    for (Candidate c : candidates) {
      if (start + c.tokens.size() <= tokens.size() && tokens.subList(start, start + c.tokens.size()).equals(c.tokens)) {
        return c;
      }
    }
    return null;
  }

  private static List<String> tokens(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    folded = folded.replaceAll("['’]s\\b", "");
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(folded);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
