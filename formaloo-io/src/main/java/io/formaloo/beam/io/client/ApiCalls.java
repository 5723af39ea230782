package io.formaloo.beam.io.client;

import java.util.LinkedHashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Builds a client's calls (under its base URL, with its business) and sends them through its
 * executor with its authenticator: what every request of a {@link FormalooClient} has in common.
 */
final class ApiCalls {
  private final FormalooConfig config;
  private final RequestExecutor executor;
  private final Authenticator auth;

  ApiCalls(FormalooConfig config, RequestExecutor executor, Authenticator auth) {
    this.config = config;
    this.executor = executor;
    this.auth = auth;
  }

  FormalooConfig config() {
    return config;
  }

  /** Sends {@code method path?query}, with a JSON body if {@code json} is not null. */
  ApiResponse send(
      String method,
      String path,
      Map<String, String> query,
      HttpCall.Purpose purpose,
      byte @Nullable [] json) {
    return send(call(method, path, query, purpose, json));
  }

  ApiResponse send(HttpCall call) {
    return executor.execute(call, auth);
  }

  /**
   * The call for {@code path} (which must start with {@code /}) under the base URL. Every path but
   * {@code /businesses/} carries the config's business, when it has one.
   */
  HttpCall call(
      String method,
      String path,
      Map<String, String> query,
      HttpCall.Purpose purpose,
      byte @Nullable [] json) {
    Checks.check(path.startsWith("/"), "path must start with /, got %s", path);
    Map<String, String> q = new LinkedHashMap<>(query);
    if (config.business() != null && !path.startsWith("/businesses/")) {
      q.putIfAbsent(config.businessParameter(), config.business());
    }
    String url = Urls.build(config.baseUrl(), path, q);
    return new HttpCall(
        method,
        url,
        BaseUrl.pathOf(url),
        purpose,
        json == null ? null : "application/json",
        json,
        Map.of());
  }
}
