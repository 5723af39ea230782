package io.formaloo.beam.pipelines.files;

import java.nio.file.Paths;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Folders and files named on the command line, local or on any file system Beam has. */
public final class Locations {
  private Locations() {}

  /** A folder; a local one made absolute, so that summaries say exactly where. */
  public static ResourceId folder(String path) {
    return FileSystems.matchNewResource(absolute(path), true);
  }

  /** {@code parent}'s sub-folder {@code name}. */
  public static ResourceId folder(ResourceId parent, String name) {
    return parent.resolve(name, StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  /** {@code parent}'s file {@code name}. */
  public static ResourceId file(ResourceId parent, String name) {
    return parent.resolve(name, StandardResolveOptions.RESOLVE_FILE);
  }

  /** A glob, or a file; a local one made absolute. */
  public static String absolute(String path) {
    if (path.matches("^[a-zA-Z][-a-zA-Z0-9+.]*://.*")) {
      return path;
    }
    return Paths.get(path).toAbsolutePath().normalize().toString();
  }
}
