package org.newsdesk.index.clean.html;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * jsoup's selector semantics over the nodes of a {@link PageTree}: the tests the metadata and caption readers ask
 * of an element ({@code tag}, {@code [key]}, {@code [key=value]}, {@code .class}, {@code [class*=word]}, and
 * {@code a b}'s ancestor condition), and the searches they ask with them ({@code selectFirst}, {@code closest}).
 * Each test gives jsoup's answer for the same element of the jsoup document; {@code NodeMatchTest} compares them.
 *
 * <p>Only elements are tested: jsoup's evaluators see elements only, and the one element a tree has no node of,
 * the jsoup {@code Document} (here node 0, not an element), matches none of these tests (it has no tag name and no
 * attributes). No recursion over the page: searches are scans of a subtree's interval (or of one tag's elements) or
 * walks up the parent links; only a compound test asks its parts. Stateless.
 */
final class NodeMatch {
  /**
   * A test of one element: a simple selector, or a compound of them. Immutable. One class whose {@link #matches}
   * switches on the kind of test, rather than a lambda per kind: a selector group's call to each of its tests was
   * then a megamorphic call, and the byline's group of five, asked of every element with attributes, was about 4% of
   * cleaning a page.
   */
  static final class Test {
    private static final int TAG = 0;
    private static final int TAG_NAME = 1;
    private static final int HAS_ATTR = 2;
    private static final int ATTR_EQUALS = 3;
    private static final int HAS_CLASS = 4;
    private static final int CLASS_CONTAINS = 5;
    private static final int ANY = 6;
    private static final int ALL = 7;
    private static final int INSIDE = 8;

    private final int kind;
    /** The tag's lexer id ({@link #TAG}). */
    private final int tagId;
    /** The tag name ({@link #TAG_NAME}), attribute key or class name. */
    private final String key;
    /** The attribute value ({@link #ATTR_EQUALS}). */
    private final String value;
    private final List<String> words;
    /** The tests of a group, of a conjunction, or the ancestor's ({@link #INSIDE}). */
    private final Test[] parts;
    private final boolean needsAttributes;
    /** The tag id every element that matches has ({@code tag}, {@code tag.x}), or -1: then a search need only visit those. */
    private final int anchorTag;

    private Test(int kind, int tagId, String key, String value, List<String> words, Test[] parts,
        boolean needsAttributes) {
      this.kind = kind;
      this.tagId = tagId;
      this.key = key;
      this.value = value;
      this.words = words;
      this.parts = parts;
      this.needsAttributes = needsAttributes;
      this.anchorTag = anchorTag(kind, tagId, parts);
    }

    private static int anchorTag(int kind, int tagId, Test[] parts) {
      if (kind == TAG) {
        return tagId;
      }
      if (kind == ALL) { // every part holds: any part's tag
        for (Test t : parts) {
          if (t.anchorTag >= 0) {
            return t.anchorTag;
          }
        }
      }
      if (kind == ANY) { // one part holds: only a tag they all share
        int shared = parts.length == 0 ? -1 : parts[0].anchorTag;
        for (Test t : parts) {
          if (t.anchorTag != shared) {
            return -1;
          }
        }
        return shared;
      }
      return -1;
    }

    private static Test ofAttribute(int kind, String key, String value, List<String> words) {
      return new Test(kind, PageTree.UNKNOWN_TAG, key, value, words, null, true);
    }

    /** Whether the element {@code node} of {@code tree} matches; only asked of elements. */
    boolean matches(PageTree tree, int node) {
      switch (kind) {
        case TAG:
          return tree.tag(node) == tagId;
        case TAG_NAME:
          return key.equals(tree.name(node));
        case HAS_ATTR:
          return tree.hasAttr(node, key);
        case ATTR_EQUALS:
          return tree.hasAttr(node, key) && value.equalsIgnoreCase(tree.attr(node, key).trim());
        case HAS_CLASS:
          return hasClass(tree.attr(node, "class"), key);
        case CLASS_CONTAINS:
          return classContains(tree.attr(node, "class"), words);
        case ANY:
          for (Test t : parts) {
            if (t.matches(tree, node)) {
              return true;
            }
          }
          return false;
        case ALL:
          for (Test t : parts) {
            if (!t.matches(tree, node)) {
              return false;
            }
          }
          return true;
        case INSIDE:
          return closest(tree, tree.parent(node), parts[0]) >= 0;
        default:
          throw new AssertionError(kind);
      }
    }

    /** Both this and {@code other} ({@code a.b}, {@code a[b]}). */
    Test and(Test other) {
      return new Test(ALL, PageTree.UNKNOWN_TAG, null, null, null, new Test[] {this, other},
          needsAttributes || other.needsAttributes);
    }

    /**
     * True when only an element with attributes can match, so that a search passes over the others without asking
     * (most elements of a page have none).
     */
    boolean needsAttributes() {
      return needsAttributes;
    }
  }

  private NodeMatch() {}

  /** {@code name}: an element with this lower-case tag name, in any namespace (jsoup's {@code Evaluator.Tag}). */
  static Test tag(String name) {
    int id = PageTree.tagId(name);
    return id == PageTree.UNKNOWN_TAG ? new Test(Test.TAG_NAME, id, name, null, null, null, false)
        : new Test(Test.TAG, id, null, null, null, null, false);
  }

  /** {@code [key]}: the element has the attribute (the key matched ignoring case: both are lower case). */
  static Test hasAttr(String key) {
    return Test.ofAttribute(Test.HAS_ATTR, key.toLowerCase(Locale.ROOT), null, null);
  }

  /** {@code [key=value]}: the attribute's value, trimmed, equals {@code value} ignoring case (as jsoup compares). */
  static Test attrEquals(String key, String value) {
    return Test.ofAttribute(Test.ATTR_EQUALS, key.toLowerCase(Locale.ROOT), value, null);
  }

  /** {@code .name}: one of the element's whitespace-separated class names is {@code name}, ignoring case. */
  static Test hasClass(String name) {
    return Test.ofAttribute(Test.HAS_CLASS, name, null, null);
  }

  /**
   * {@code [class*=word]} for any of {@code words} (lower-case ASCII): the class attribute contains the word,
   * ignoring case; jsoup's answers, without its lower-cased copy of every class value.
   */
  static Test classContains(String... words) {
    for (String w : words) {
      if (!w.chars().allMatch(c -> c < 128 && !Character.isUpperCase(c))) {
        throw new IllegalArgumentException("word must be lower-case ASCII, got '" + w + "'");
      }
    }
    return Test.ofAttribute(Test.CLASS_CONTAINS, null, null, List.of(words));
  }

  /** A selector group {@code a, b, c}: any of the tests. */
  static Test anyOf(Test... tests) {
    boolean needsAttributes = true;
    for (Test t : tests) {
      needsAttributes &= t.needsAttributes();
    }
    return new Test(Test.ANY, PageTree.UNKNOWN_TAG, null, null, null, tests.clone(), needsAttributes);
  }

  /**
   * The condition {@code a b} puts on {@code b}: an ancestor (not the element itself) matches {@code ancestor}.
   * As jsoup's {@code StructuralEvaluator.Ancestor} when the search starts at the document.
   */
  static Test inside(Test ancestor) {
    return new Test(Test.INSIDE, PageTree.UNKNOWN_TAG, null, null, null, new Test[] {ancestor}, false);
  }

  /**
   * jsoup's {@code Element.closest}: {@code node} itself if it matches, else its nearest ancestor that does; -1 when
   * none does. {@code node} may be the document or -1 (then -1).
   */
  static int closest(PageTree tree, int node, Test test) {
    for (int n = node; n > 0; n = tree.parent(n)) {
      if (test.matches(tree, n)) {
        return n;
      }
    }
    return -1;
  }

  /** jsoup's {@code selectFirst} from {@code root}: the first element of its subtree (itself included) that matches. */
  static int first(PageTree tree, int root, Test test) {
    return find(tree, root, tree.end(root), test);
  }

  /**
   * The first element in document order among nodes {@code from..to} (inclusive) that matches, or -1. Scanning a
   * page's elements one after another: {@code n = find(tree, n + 1, last, test)}.
   */
  static int find(PageTree tree, int from, int to, Test test) {
    if (test.anchorTag >= 0) { // the tag's own list, in document order
      for (int n = tree.firstWithTag(test.anchorTag); n >= 0 && n <= to; n = tree.nextWithTag(n)) {
        if (n >= from && test.matches(tree, n)) {
          return n;
        }
      }
      return -1;
    }
    if (test.needsAttributes()) {
      for (int n = from; n <= to; n++) {
        if (tree.attributesSize(n) > 0 && test.matches(tree, n)) { // only elements have attributes
          return n;
        }
      }
      return -1;
    }
    for (int n = from; n <= to; n++) {
      if (tree.isElement(n) && test.matches(tree, n)) {
        return n;
      }
    }
    return -1;
  }

  /** All the elements that match, in document order. */
  static int[] all(PageTree tree, Test test) {
    int[] found = new int[8];
    int count = 0;
    int last = tree.size() - 1;
    if (test.anchorTag >= 0) { // one walk of the tag's list: find would walk it from its start for each match
      for (int n = tree.firstWithTag(test.anchorTag); n >= 0; n = tree.nextWithTag(n)) {
        if (test.matches(tree, n)) {
          if (count == found.length) {
            found = Arrays.copyOf(found, count * 2);
          }
          found[count++] = n;
        }
      }
      return Arrays.copyOf(found, count);
    }
    for (int n = find(tree, 0, last, test); n >= 0; n = find(tree, n + 1, last, test)) {
      if (count == found.length) {
        found = Arrays.copyOf(found, count * 2);
      }
      found[count++] = n;
    }
    return Arrays.copyOf(found, count);
  }

  /**
   * jsoup's {@code Element.hasClass} on a class attribute's value: {@code name} is one of its class names
   * (separated by {@link Character#isWhitespace} characters), ignoring case.
   */
  static boolean hasClass(String classValue, String name) {
    int length = classValue.length();
    int wanted = name.length();
    if (length == 0 || length < wanted) {
      return false;
    }
    if (length == wanted) {
      return name.equalsIgnoreCase(classValue);
    }
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (Character.isWhitespace(classValue.charAt(i))) {
        if (inClass) {
          if (i - start == wanted && classValue.regionMatches(true, start, name, 0, wanted)) {
            return true;
          }
          inClass = false;
        }
      } else if (!inClass) {
        inClass = true;
        start = i;
      }
    }
    return inClass && length - start == wanted && classValue.regionMatches(true, start, name, 0, wanted);
  }

  /**
   * Whether a class attribute's value contains any of {@code words} (lower-case ASCII) ignoring case, as jsoup's
   * {@code [class*=word]} finds it: jsoup lower-cases the value in English, which may change its length, so a
   * value with non-ASCII characters is lower-cased the same way; an ASCII one is compared in place.
   */
  static boolean classContains(String classValue, List<String> words) {
    if (classValue.isEmpty()) {
      return false;
    }
    for (int i = 0; i < classValue.length(); i++) {
      if (classValue.charAt(i) >= 128) {
        String lower = classValue.toLowerCase(Locale.ENGLISH);
        return words.stream().anyMatch(lower::contains);
      }
    }
    for (String w : words) {
      if (containsAscii(classValue, w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAscii(String value, String word) {
    char first = word.charAt(0);
    for (int i = 0, last = value.length() - word.length(); i <= last; i++) {
      if (lower(value.charAt(i)) == first && value.regionMatches(true, i + 1, word, 1, word.length() - 1)) {
        return true;
      }
    }
    return false;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
