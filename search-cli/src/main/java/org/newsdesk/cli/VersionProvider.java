package org.newsdesk.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = NewsdeskCli.class.getPackage().getImplementationVersion();
    return new String[] {"newsdesk " + (v == null ? "dev" : v) + " (Lucene " + org.apache.lucene.util.Version.LATEST + ", Java "
        + System.getProperty("java.version") + ")"};
  }
}
