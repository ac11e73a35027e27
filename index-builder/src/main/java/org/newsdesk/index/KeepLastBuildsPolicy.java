package org.newsdesk.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexDeletionPolicy;
import org.newsdesk.schema.NewsSchema;

/**
 * Keeps the commits of the last {@code keep} completed builds, so that {@code newsdesk rollback} can return to an
 * earlier one; deletes every other commit.
 *
 * <p>A completed build is a commit carrying {@link NewsSchema#USER_DATA_BUILT_AT}. Commits that only refresh the
 * manifest (files touched, no article changed) share the content id of the build before them and count as that
 * generation, so a quiet night does not push a real generation out. The newest commit is always kept.
 */
final class KeepLastBuildsPolicy extends IndexDeletionPolicy {
  private final int keep;

  KeepLastBuildsPolicy(int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be >= 1, got " + keep);
    }
    this.keep = keep;
  }

  @Override
  public void onInit(List<? extends IndexCommit> commits) {
    onCommit(commits);
  }

  @Override
  public void onCommit(List<? extends IndexCommit> commits) {
    if (commits.isEmpty()) {
      return;
    }
    Set<IndexCommit> kept = new HashSet<>(kept(commits, keep));
    for (IndexCommit c : commits) {
      if (!kept.contains(c)) {
        c.delete();
      }
    }
  }

  /** The commits to keep, oldest first: for the newest {@code keep} content ids, the newest commit of each. */
  static List<IndexCommit> kept(List<? extends IndexCommit> commits, int keep) {
    List<IndexCommit> out = new ArrayList<>();
    Set<String> contents = new HashSet<>();
    IndexCommit newest = commits.get(commits.size() - 1);
    for (int i = commits.size() - 1; i >= 0; i--) {
      IndexCommit c = commits.get(i);
      Map<String, String> data = userData(c);
      boolean completed = data.containsKey(NewsSchema.USER_DATA_BUILT_AT);
      if (c == newest) {
        out.add(0, c);
        contents.add(Generations.contentId(data, c.getGeneration()));
      } else if (completed && contents.size() < keep && contents.add(Generations.contentId(data, c.getGeneration()))) {
        out.add(0, c);
      }
    }
    return out;
  }

  private static Map<String, String> userData(IndexCommit c) {
    try {
      return c.getUserData();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
