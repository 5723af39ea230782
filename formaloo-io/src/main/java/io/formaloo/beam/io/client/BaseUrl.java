package io.formaloo.beam.io.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks a base URL: absolute, https, or http to a loopback host only. */
final class BaseUrl {
  private BaseUrl() {}

  /**
   * Returns {@code url} without a trailing slash.
   *
   * @throws IllegalArgumentException naming {@code baseUrl} and what is wrong with it
   */
  static String check(String url) {
    Checks.notBlank("baseUrl", url);
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not a URL: " + url, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Checks.check(
        uri.getHost() != null && (scheme.equals("https") || scheme.equals("http")),
        "baseUrl must be an absolute http(s) URL, got %s",
        url);
    Checks.check(
        uri.getUserInfo() == null, "baseUrl must not carry credentials; use credentials instead");
    Checks.check(
        uri.getQuery() == null && uri.getFragment() == null,
        "baseUrl must not have a query or a fragment, got %s",
        url);
    if (scheme.equals("http")) {
      Checks.check(
          isLoopback(uri.getHost()),
          "baseUrl must use https://: plain http:// is allowed only for a loopback host"
              + " (localhost, 127.0.0.0/8, ::1), got host %s",
          uri.getHost());
    }
    String s = uri.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Whether {@code host} is loopback, decided without a DNS lookup. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost")) {
      return true;
    }
    // Only literal addresses are parsed: a name would need DNS, whose answer an attacker may
    // control.
    if (h.matches("[0-9.]+") || h.contains(":")) {
      try {
        return InetAddress.getByName(h).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  /** The host (and port, when not the default) of {@code url}, for messages. */
  static String hostOf(String url) {
    URI uri = URI.create(url);
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  /** Whether {@code other} has the same scheme, host and port as {@code base}. */
  static boolean sameOrigin(String base, String other) {
    try {
      URI a = new URI(base);
      URI b = new URI(other);
      return a.getScheme() != null
          && a.getScheme().equalsIgnoreCase(b.getScheme())
          && a.getHost() != null
          && a.getHost().equalsIgnoreCase(b.getHost())
          && effectivePort(a) == effectivePort(b);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int effectivePort(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /** The path of {@code url}, without its query: what messages show of a request. */
  static String pathOf(String url) {
    try {
      String path = new URI(url).getRawPath();
      return path == null || path.isEmpty() ? "/" : path;
    } catch (URISyntaxException e) {
      int q = url.indexOf('?');
      return q < 0 ? url : url.substring(0, q);
    }
  }
}
