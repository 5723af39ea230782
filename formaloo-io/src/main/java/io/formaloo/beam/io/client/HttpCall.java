package io.formaloo.beam.io.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One request to send, as the retry loop sees it: everything but the credentials. */
final class HttpCall {
  /** What a request is for; it decides what a 4xx answer means (see {@link ErrorClassifier}). */
  enum Purpose {
    /** Reading one record. */
    READ,
    /** Reading a page of a list. */
    LIST,
    /** Creating, changing or deleting a record. */
    WRITE,
    /** Obtaining an access token. */
    TOKEN
  }

  final String method;
  final String url;

  /** The URL's path alone: what messages and exceptions show. */
  final String path;

  final Purpose purpose;
  final @Nullable String contentType;
  final byte @Nullable [] body;

  /** Headers besides the authenticator's, such as the token request's own Basic credentials. */
  final Map<String, String> headers;

  HttpCall(
      String method,
      String url,
      String path,
      Purpose purpose,
      @Nullable String contentType,
      byte @Nullable [] body,
      Map<String, String> headers) {
    this.method = method;
    this.url = url;
    this.path = path;
    this.purpose = purpose;
    this.contentType = contentType;
    this.body = body;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  @Override
  public String toString() {
    // Never the URL's query nor the headers: either may hold something private.
    return method + " " + path;
  }
}
