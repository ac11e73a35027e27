package org.newsdesk.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.util.BytesRef;
import org.newsdesk.schema.NewsField;

/**
 * The first page of a relevance-ranked search, in exactly the order of {@code Sort(FIELD_SCORE, id)} (score
 * descending, equal scores by article id), with an exact total, but collected by score alone.
 *
 * <p>A sort comparator on (score, id) costs a comparison per matching article; this collects the top {@code wanted}
 * plus a margin with Lucene's {@link TopScoreDocCollector}, then orders equal scores by id among the collected
 * hits. That is exact whenever the last collected hit scores below the page's last hit: every article tied with
 * the page's last hit was then collected. When a tie runs through the whole margin, the search is repeated with the
 * (score, id) sort. Stateless.
 */
final class RelevanceTop {
  /**
   * Hits collected beyond the page, so that ties at the page's end can be ordered by id. On the 100k synthetic
   * index (bench/run latency) about one search in six has a tie across the page end, none longer than 5 hits.
   */
  static final int MARGIN = 8;
  private static final String ID = NewsField.ID.fieldName();

  private RelevanceTop() {}

  /**
   * The top {@code wanted} hits of {@code query} as {@link FieldDoc}s whose fields are {@code {score, id}} (as a
   * (score, id) {@link TopFieldCollector} returns them); {@code also} (or null) sees every match.
   */
  static TopDocs search(IndexSearcher searcher, Query query, int wanted, Collector also) throws IOException {
    TopScoreDocCollector top = TopScoreDocCollector.create(wanted + MARGIN, Integer.MAX_VALUE);
    searcher.search(query, also == null ? top : MultiCollector.wrap(top, also));
    TopDocs collected = top.topDocs();
    ScoreDoc[] hits = collected.scoreDocs;
    if (hits.length > wanted && hits[hits.length - 1].score == hits[wanted - 1].score) {
      return bySortedScoreAndId(searcher, query, wanted, collected);
    }
    int candidates = hits.length;
    if (hits.length > wanted) {
      // Everything tied with the page's last hit was collected; nothing scoring lower can enter the page.
      candidates = wanted;
      while (candidates < hits.length && hits[candidates].score == hits[wanted - 1].score) {
        candidates++;
      }
    }
    FieldDoc[] page = withIds(searcher, Arrays.copyOf(hits, candidates));
    Arrays.sort(page, ORDER);
    return new TopDocs(collected.totalHits, Arrays.copyOf(page, Math.min(wanted, page.length)));
  }

  /** The order of {@code Sort(FIELD_SCORE, id)}: score descending, then id in byte order. */
  private static final Comparator<FieldDoc> ORDER = Comparator
      .comparing((FieldDoc d) -> (Float) d.fields[0], Comparator.reverseOrder())
      .thenComparing(d -> (BytesRef) d.fields[1], Comparator.nullsFirst(Comparator.naturalOrder()));

  /** The sort the fast path stands in for, used when a tie runs through the whole margin. */
  static Sort sort() {
    return new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.STRING));
  }

  private static TopDocs bySortedScoreAndId(IndexSearcher searcher, Query query, int wanted, TopDocs collected)
      throws IOException {
    TopFieldCollector sorted = TopFieldCollector.create(sort(), wanted, Integer.MAX_VALUE);
    searcher.search(query, sorted);
    TopFieldDocs docs = sorted.topDocs();
    return new TopDocs(collected.totalHits, docs.scoreDocs);
  }

  /** The hits with their ids read from the id doc values, visiting each segment's documents in order. */
  private static FieldDoc[] withIds(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    Integer[] byDoc = new Integer[hits.length];
    for (int i = 0; i < hits.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    FieldDoc[] out = new FieldDoc[hits.length];
    int leaf = -1;
    SortedDocValues ids = null;
    for (int i : byDoc) {
      ScoreDoc hit = hits[i];
      int at = ReaderUtil.subIndex(hit.doc, leaves);
      if (at != leaf) {
        leaf = at;
        ids = DocValues.getSorted(leaves.get(at).reader(), ID);
      }
      BytesRef id = ids.advanceExact(hit.doc - leaves.get(at).docBase) ? BytesRef.deepCopyOf(ids.lookupOrd(ids.ordValue())) : null;
      out[i] = new FieldDoc(hit.doc, hit.score, new Object[] {hit.score, id});
    }
    return out;
  }
}
