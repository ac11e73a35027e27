package org.newsdesk.index.clean.html;

import java.util.Collection;

/**
 * A fixed set of lower-case words that answers for a range of a char array, so that the words of a class name can
 * be looked up without making a string of each (class hints are read for most elements of a page). Immutable.
 */
final class WordTable {
  private final String[] slots;
  /** The position in the given words of the word in each slot. */
  private final int[] ids;
  private final String[] words;
  private final int mask;

  WordTable(Collection<String> words) {
    int size = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1;
    slots = new String[size];
    ids = new int[size];
    this.words = words.toArray(new String[0]);
    mask = size - 1;
    for (int id = 0; id < this.words.length; id++) {
      String w = this.words[id];
      int i = w.hashCode() & mask;
      while (slots[i] != null) {
        i = (i + 1) & mask;
      }
      slots[i] = w;
      ids[i] = id;
    }
  }

  /** How many words the table holds; their ids are {@code 0..size()-1}, in the order they were given. */
  int size() {
    return words.length;
  }

  /** The word with id {@code id}. */
  String word(int id) {
    return words[id];
  }

  /** The id of the word equal to {@code chars[from, to)} (its position in the given words), or -1. */
  int id(char[] chars, int from, int to) {
    return id(chars, from, to, hash(chars, from, to));
  }

  /** {@link #id(char[], int, int)} for a caller that has the range's {@link #hash} already. */
  int id(char[] chars, int from, int to, int hash) {
    int slot = slot(chars, from, to, hash);
    return slot < 0 ? -1 : ids[slot];
  }

  /** True when {@code chars[from, to)} is one of the words. */
  boolean contains(char[] chars, int from, int to) {
    return find(chars, from, to) != null;
  }

  /**
   * The word equal to {@code chars[from, to)}, the very string the table was given (so a caller can use it instead
   * of a new string, and lookups by it elsewhere compare by identity first), or null.
   */
  String find(char[] chars, int from, int to) {
    return find(chars, from, to, hash(chars, from, to));
  }

  /** {@link #find(char[], int, int)} for a caller that has the range's {@link #hash} already. */
  String find(char[] chars, int from, int to, int hash) {
    int slot = slot(chars, from, to, hash);
    return slot < 0 ? null : slots[slot];
  }

  /**
   * The hash the table files a word under: {@link String#hashCode}, so the table is filled from the words' own
   * hashes, and a reader can compute it char by char as it reads ({@code h = 31 * h + c}, from 0).
   */
  static int hash(char[] chars, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + chars[k];
    }
    return h;
  }

  private int slot(char[] chars, int from, int to, int h) {
    for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
      if (equals(slots[i], chars, from, to)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean equals(String word, char[] chars, int from, int to) {
    if (word.length() != to - from) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (word.charAt(k) != chars[from + k]) {
        return false;
      }
    }
    return true;
  }
}
