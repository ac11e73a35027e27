package org.newsdesk.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.PriorityQueue;
import org.newsdesk.schema.NewsField;

/**
 * The first page of a relevance-ranked search, in exactly the order of {@code Sort(FIELD_SCORE, id)} (score
 * descending, equal scores by article id), with an exact total, at the cost of a score-only collector.
 *
 * <p>A sort comparator on (score, id) costs an id comparison per matching article, and BM25 gives many equal
 * scores (one term, same frequency, same length bucket). This collector keeps the top hits by score as Lucene's
 * TopScoreDocCollector does, and puts aside, as a document number and a score, every hit that ties with the
 * page's current last score but loses its place to document order. Every hit scoring above the final last score
 * is in the page (the last score only rises); the hits at that score are the page's ones plus those put aside,
 * and only they are ordered by id, at the end. When more than {@link #MAX_TIES} tie, the search is run again
 * with the (score, id) sort. Stateless.
 */
final class RelevanceTop {
  /** The most hits put aside for a tie before the search is redone with the sort (a blank query ties them all). */
  static final int MAX_TIES = 1024;
  private static final String ID = NewsField.ID.fieldName();

  private RelevanceTop() {}

  /**
   * The top {@code wanted} hits of {@code query} as {@link FieldDoc}s whose fields are {@code {score, id}}, as a
   * (score, id) {@link TopFieldCollector} returns them, except that the id is only read (else null) for hits that
   * share their score with another hit of the page: reading it costs doc values set-up per segment, and the
   * caller reads each hit's id from its stored fields anyway. {@code also} (or null) sees every match.
   */
  static TopDocs search(IndexSearcher searcher, Query query, int wanted, Collector also) throws IOException {
    Top top = new Top(wanted);
    searcher.search(query, also == null ? top : MultiCollector.wrap(top, also));
    TotalHits total = new TotalHits(top.total, TotalHits.Relation.EQUAL_TO);
    if (top.overflowed) {
      TopFieldCollector sorted = TopFieldCollector.create(sort(), wanted, Integer.MAX_VALUE);
      searcher.search(query, sorted);
      return new TopDocs(total, sorted.topDocs().scoreDocs);
    }
    List<ScoreDoc> candidates = new ArrayList<>(wanted + top.ties);
    while (top.queue.size() > 0) {
      ScoreDoc d = top.queue.pop();
      if (d.doc != Integer.MAX_VALUE) { // not a sentinel the queue started with
        candidates.add(d);
      }
    }
    if (candidates.size() == wanted && top.ties > 0) {
      candidates = withTies(searcher, candidates, top);
    }
    return new TopDocs(total, ordered(searcher, candidates));
  }

  /** The page in (score, id) order; only hits whose score another hit shares have their ids read to order them. */
  private static FieldDoc[] ordered(IndexSearcher searcher, List<ScoreDoc> page) throws IOException {
    page.sort((a, b) -> Float.compare(b.score, a.score));
    List<ScoreDoc> tied = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      float s = page.get(i).score;
      if (i > 0 && page.get(i - 1).score == s || i + 1 < page.size() && page.get(i + 1).score == s) {
        tied.add(page.get(i));
      }
    }
    if (tied.isEmpty()) {
      // Distinct scores: the score order is the order, and no id is needed.
      FieldDoc[] out = new FieldDoc[page.size()];
      for (int i = 0; i < out.length; i++) {
        ScoreDoc d = page.get(i);
        out[i] = new FieldDoc(d.doc, d.score, new Object[] {d.score, null});
      }
      return out;
    }
    Map<Integer, BytesRef> ids = new HashMap<>();
    for (FieldDoc d : withIds(searcher, tied.toArray(new ScoreDoc[0]))) {
      ids.put(d.doc, (BytesRef) d.fields[1]);
    }
    FieldDoc[] out = new FieldDoc[page.size()];
    for (int i = 0; i < out.length; i++) {
      ScoreDoc d = page.get(i);
      out[i] = new FieldDoc(d.doc, d.score, new Object[] {d.score, ids.get(d.doc)});
    }
    Arrays.sort(out, ORDER); // stable: hits of distinct scores keep their order
    return out;
  }

  /**
   * The full page's hits, ascending by score as popped from the queue: those above the last score, then of all
   * the hits at the last score (in the queue and put aside) the ones whose ids come first. Ordinals pick them
   * within a segment, so only a few ids per segment are looked up.
   */
  private static List<ScoreDoc> withTies(IndexSearcher searcher, List<ScoreDoc> popped, Top top) throws IOException {
    float last = popped.get(0).score;
    List<ScoreDoc> page = new ArrayList<>(popped.size());
    List<ScoreDoc> atLast = new ArrayList<>();
    for (ScoreDoc d : popped) {
      (d.score == last ? atLast : page).add(d);
    }
    int need = popped.size() - page.size();
    for (int i = 0; i < top.ties; i++) {
      if (top.tieScores[i] == last) {
        atLast.add(new ScoreDoc(top.tieDocs[i], last));
      }
    }
    if (atLast.size() <= need) {
      page.addAll(atLast);
      return page;
    }
    atLast.sort(Comparator.comparingInt(d -> d.doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<Object[]> chosen = new ArrayList<>(); // {ScoreDoc, BytesRef id or null}
    for (int from = 0; from < atLast.size(); ) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(atLast.get(from).doc, leaves));
      int to = from;
      while (to < atLast.size() && atLast.get(to).doc < leaf.docBase + leaf.reader().maxDoc()) {
        to++;
      }
      SortedDocValues ids = DocValues.getSorted(leaf.reader(), ID);
      long[] byOrd = new long[to - from]; // ordinal + 1 (0: no id) in the high bits, position in the low
      for (int i = from; i < to; i++) {
        int ord = ids.advanceExact(atLast.get(i).doc - leaf.docBase) ? ids.ordValue() : -1;
        byOrd[i - from] = ((long) (ord + 1) << 32) | (i - from);
      }
      Arrays.sort(byOrd);
      for (int k = 0; k < Math.min(need, byOrd.length); k++) {
        int ord = (int) (byOrd[k] >>> 32) - 1;
        ScoreDoc d = atLast.get(from + (int) byOrd[k]);
        chosen.add(new Object[] {d, ord < 0 ? null : BytesRef.deepCopyOf(ids.lookupOrd(ord))});
      }
      from = to;
    }
    Comparator<BytesRef> byId = Comparator.nullsFirst(Comparator.naturalOrder());
    chosen.sort((a, b) -> byId.compare((BytesRef) a[1], (BytesRef) b[1]));
    for (int k = 0; k < need; k++) {
      page.add((ScoreDoc) chosen.get(k)[0]);
    }
    return page;
  }

  /** The order of {@code Sort(FIELD_SCORE, id)}: score descending, then id in byte order. */
  private static final Comparator<FieldDoc> ORDER = Comparator
      .comparing((FieldDoc d) -> (Float) d.fields[0], Comparator.reverseOrder())
      .thenComparing(d -> (BytesRef) d.fields[1], Comparator.nullsFirst(Comparator.naturalOrder()));

  /** The sort this order equals; searches after a cursor and more-like-this use it directly. */
  static Sort sort() {
    return new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.STRING));
  }

  /** The top hits by score (equal scores by document number), the hits put aside at the last score, the total. */
  private static final class Top implements Collector {
    final PriorityQueue<ScoreDoc> queue;
    int[] tieDocs = new int[16];
    float[] tieScores = new float[16];
    int ties;
    boolean overflowed;
    long total;

    Top(int size) {
      // Pre-filled with sentinels, as Lucene's HitQueue is: the least element is the worst kept hit.
      this.queue = new PriorityQueue<>(size, () -> new ScoreDoc(Integer.MAX_VALUE, Float.NEGATIVE_INFINITY)) {
        @Override
        protected boolean lessThan(ScoreDoc a, ScoreDoc b) {
          return a.score == b.score ? a.doc > b.doc : a.score < b.score;
        }
      };
    }

    /** Puts a hit aside for the tie at the last score, dropping first those the last score has since passed. */
    void putAside(int doc, float score) {
      if (overflowed) {
        return;
      }
      if (ties == tieDocs.length) {
        float last = queue.top().score;
        int kept = 0;
        for (int i = 0; i < ties; i++) {
          if (tieScores[i] >= last) {
            tieDocs[kept] = tieDocs[i];
            tieScores[kept++] = tieScores[i];
          }
        }
        ties = kept;
        if (ties == MAX_TIES) {
          overflowed = true;
          return;
        }
        if (ties == tieDocs.length) {
          tieDocs = Arrays.copyOf(tieDocs, Math.min(MAX_TIES, 2 * ties));
          tieScores = Arrays.copyOf(tieScores, tieDocs.length);
        }
      }
      tieDocs[ties] = doc;
      tieScores[ties++] = score;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      int base = context.docBase;
      return new LeafCollector() {
        private Scorable scorer;
        private ScoreDoc last = queue.top();

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          total++;
          float score = scorer.score();
          if (score < last.score) {
            return;
          }
          if (score == last.score) {
            putAside(base + doc, score); // document order would drop it; its id may still come first
            return;
          }
          if (last.doc != Integer.MAX_VALUE) {
            putAside(last.doc, last.score); // evicted: it may tie at the final last score
          }
          last.doc = base + doc;
          last.score = score;
          last = queue.updateTop();
        }
      };
    }
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
