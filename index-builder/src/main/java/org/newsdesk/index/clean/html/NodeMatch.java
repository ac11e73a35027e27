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
 * attributes). No recursion: searches are scans of a subtree's interval or walks up the parent links. Stateless.
 */
final class NodeMatch {
  /** A test of one element: a simple selector, or a compound of them. Immutable. */
  @FunctionalInterface
  interface Test {
    /** Whether the element {@code node} of {@code tree} matches; only asked of elements. */
    boolean matches(PageTree tree, int node);

    /** Both this and {@code other} ({@code a.b}, {@code a[b]}). */
    default Test and(Test other) {
      Test both = (tree, node) -> matches(tree, node) && other.matches(tree, node);
      return needsAttributes() || other.needsAttributes() ? onlyWithAttributes(both) : both;
    }

    /**
     * True when only an element with attributes can match, so that a search passes over the others without asking
     * (most elements of a page have none, and a selector group asks each of its tests).
     */
    default boolean needsAttributes() {
      return false;
    }
  }

  /** {@code test}, known to match only elements with attributes. */
  private static Test onlyWithAttributes(Test test) {
    return new Test() {
      @Override
      public boolean matches(PageTree tree, int node) {
        return test.matches(tree, node);
      }

      @Override
      public boolean needsAttributes() {
        return true;
      }
    };
  }

  private NodeMatch() {}

  /** {@code name}: an element with this lower-case tag name, in any namespace (jsoup's {@code Evaluator.Tag}). */
  static Test tag(String name) {
    int id = PageTree.tagId(name);
    if (id == PageTree.UNKNOWN_TAG) {
      return (tree, node) -> name.equals(tree.name(node));
    }
    return (tree, node) -> tree.tag(node) == id;
  }

  /** {@code [key]}: the element has the attribute (the key matched ignoring case). */
  static Test hasAttr(String key) {
    return onlyWithAttributes((tree, node) -> tree.hasAttr(node, key));
  }

  /** {@code [key=value]}: the attribute's value, trimmed, equals {@code value} ignoring case (as jsoup compares). */
  static Test attrEquals(String key, String value) {
    return onlyWithAttributes(
        (tree, node) -> tree.hasAttr(node, key) && value.equalsIgnoreCase(tree.attr(node, key).trim()));
  }

  /** {@code .name}: one of the element's whitespace-separated class names is {@code name}, ignoring case. */
  static Test hasClass(String name) {
    return onlyWithAttributes((tree, node) -> hasClass(tree.attr(node, "class"), name));
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
    List<String> list = List.of(words);
    return onlyWithAttributes((tree, node) -> classContains(tree.attr(node, "class"), list));
  }

  /** A selector group {@code a, b, c}: any of the tests. */
  static Test anyOf(Test... tests) {
    Test[] any = tests.clone();
    Test group = (tree, node) -> {
      for (Test t : any) {
        if (t.matches(tree, node)) {
          return true;
        }
      }
      return false;
    };
    for (Test t : any) {
      if (!t.needsAttributes()) {
        return group;
      }
    }
    return onlyWithAttributes(group);
  }

  /**
   * The condition {@code a b} puts on {@code b}: an ancestor (not the element itself) matches {@code ancestor}.
   * As jsoup's {@code StructuralEvaluator.Ancestor} when the search starts at the document.
   */
  static Test inside(Test ancestor) {
    return (tree, node) -> closest(tree, tree.parent(node), ancestor) >= 0;
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
