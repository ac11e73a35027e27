package org.newsdesk.index;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * A Lucene directory whose disk fills up: once {@code budget} bytes have been written through it (all files
 * together), every further write throws {@code IOException("No space left on device")}, as a full disk does. Reads,
 * listings, deletes and renames pass through untouched.
 */
final class DiskFullDirectory extends FilterDirectory {
  static final String MESSAGE = "No space left on device";

  private final long budget;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong refusals = new AtomicLong();
  private final AtomicLong writtenByMerges = new AtomicLong();

  DiskFullDirectory(Directory in, long budget) {
    super(in);
    this.budget = budget;
  }

  /** Bytes written through this directory so far (including the one write that overflowed). */
  long written() {
    return written.get();
  }

  /**
   * Bytes written other than by segment merges: what every run of the same rebuild writes. Whether a background
   * merge runs before the commit depends on how the indexing threads happened to cut segments.
   */
  long writtenOutsideMerges() {
    return written.get() - writtenByMerges.get();
  }

  /** Writes refused because the disk was full. */
  long refusals() {
    return refusals.get();
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    return new Filling(in.createOutput(name, context), context.context == IOContext.Context.MERGE);
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
    return new Filling(in.createTempOutput(prefix, suffix, context), context.context == IOContext.Context.MERGE);
  }

  private void take(long n, boolean merge) throws IOException {
    if (merge) {
      writtenByMerges.addAndGet(n);
    }
    if (written.addAndGet(n) > budget) {
      refusals.incrementAndGet();
      throw new IOException(MESSAGE);
    }
  }

  /** An output that draws every byte from the shared budget. */
  private final class Filling extends FilterIndexOutput {
    private final boolean merge;

    Filling(IndexOutput out, boolean merge) {
      super("DiskFull(" + out + ")", out.getName(), out);
      this.merge = merge;
    }

    @Override
    public void writeByte(byte b) throws IOException {
      take(1, merge);
      out.writeByte(b);
    }

    @Override
    public void writeBytes(byte[] b, int offset, int length) throws IOException {
      take(length, merge);
      out.writeBytes(b, offset, length);
    }
  }
}
