package io.formaloo.beam.io.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project's version, from the properties file that Maven fills in at build time. */
final class ClientVersion {
  private static final String VERSION = load();

  private ClientVersion() {}

  /** The default {@code User-Agent}: the project's name and version. */
  static String userAgent() {
    return "formaloo-beam/" + VERSION;
  }

  private static String load() {
    try (InputStream in = ClientVersion.class.getResourceAsStream("formaloo-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      // An unfiltered file (an IDE build that skipped Maven's resource filtering) holds the
      // placeholder itself.
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
