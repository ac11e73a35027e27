package org.newsdesk.bench.extraction;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.model.Article;

/**
 * The {@code HtmlArticleCleaner} of another build of index-builder (a jar), loaded next to the current one so that
 * both can be timed in the same run, page by page. Only the classes of {@code org.newsdesk.index.clean} (the
 * cleaners and the extractor) come from the jar; the model, the raw-article reader types and jsoup are shared.
 */
final class OtherCleaner {
  private static final String PACKAGE = "org.newsdesk.index.clean.";

  private final Object cleaner;
  private final Method clean;
  private final Path jar;

  private OtherCleaner(Path jar, Object cleaner, Method clean) {
    this.jar = jar;
    this.cleaner = cleaner;
    this.clean = clean;
  }

  /** Loads the cleaner of the index-builder jar {@code jar}. */
  static OtherCleaner load(Path jar) throws IOException, ReflectiveOperationException {
    if (!Files.exists(jar)) {
      throw new IOException(jar + ": no such jar (--compare takes an index-builder jar of another build)");
    }
    ClassLoader loader = new CleanFirst(jar.toUri().toURL(), OtherCleaner.class.getClassLoader());
    Class<?> type = Class.forName(PACKAGE + "HtmlArticleCleaner", true, loader);
    return new OtherCleaner(jar, type.getConstructor().newInstance(), type.getMethod("clean", RawArticle.class));
  }

  /** The jar (or class directory) a class was loaded from: this build's index-builder, to load a copy of it. */
  static Path jarOf(Class<?> type) throws IOException {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException | NullPointerException e) {
      throw new IOException("cannot tell where " + type.getName() + " was loaded from", e);
    }
  }

  /** The cleaned article, or null when that cleaner skips the page (or fails on it). */
  Article clean(RawArticle raw) {
    try {
      return (Article) clean.invoke(cleaner, raw);
    } catch (InvocationTargetException e) {
      return null;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(jar + ": HtmlArticleCleaner.clean not accessible", e);
    }
  }

  Path jar() {
    return jar;
  }

  /** Loads the cleaner package from the jar before asking the parent; everything else from the parent. */
  private static final class CleanFirst extends URLClassLoader {
    CleanFirst(URL jar, ClassLoader parent) {
      super(new URL[] {jar}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PACKAGE)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
