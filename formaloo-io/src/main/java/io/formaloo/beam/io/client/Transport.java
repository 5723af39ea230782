package io.formaloo.beam.io.client;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Sends one request and reads its answer whole; no retries, no redirects, no logging.
 *
 * <p>Google HTTP Client over Apache HttpClient, not over {@code HttpURLConnection} ({@code
 * NetHttpTransport}): {@code HttpURLConnection} cannot send PATCH, sizes its keep-alive pool with a
 * JVM-wide system property ({@code http.maxConnections}, 5 by default), and silently re-sends a
 * POST whose answer was lost. Apache HttpClient keeps a pool per client, sized here by {@link
 * FormalooConfig#maxConnections()} so that concurrent page fetches each get a kept-alive
 * connection, and its automatic retries and redirects are off: the retry loop decides.
 */
final class Transport implements AutoCloseable {
  private final ApacheHttpTransport transport;
  private final HttpRequestFactory requests;
  private final QuietConnectionFactory connections = new QuietConnectionFactory();
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final String userAgent;

  Transport(FormalooConfig config) {
    PoolingHttpClientConnectionManager pool =
        new PoolingHttpClientConnectionManager(
            RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", SSLConnectionSocketFactory.getSocketFactory())
                .build(),
            connections);
    pool.setMaxTotal(config.maxConnections());
    pool.setDefaultMaxPerRoute(config.maxConnections());
    // A kept-alive connection the server closed while idle would fail the next request; checking
    // connections idle for over a second avoids most of those (the retry loop covers the rest).
    pool.setValidateAfterInactivity(1_000);
    CloseableHttpClient http =
        ApacheHttpTransport.newDefaultHttpClientBuilder().setConnectionManager(pool).build();
    this.transport = new ApacheHttpTransport(http);
    this.requests = transport.createRequestFactory();
    this.connectTimeoutMillis = millis(config.connectTimeout());
    this.readTimeoutMillis = millis(config.readTimeout());
    this.userAgent = config.userAgent();
  }

  /**
   * Sends {@code call} with its own headers and {@code authHeaders}, and reads the whole answer.
   *
   * @throws IOException if the connection failed, timed out, or the answer was cut short
   */
  HttpAnswer send(HttpCall call, Map<String, String> authHeaders) throws IOException {
    ByteArrayContent content =
        call.body == null ? null : new ByteArrayContent(call.contentType, call.body);
    HttpRequest request =
        requests.buildRequest(call.method, new GenericUrl(call.url, true), content);
    request
        .setThrowExceptionOnExecuteError(false)
        .setFollowRedirects(false)
        .setNumberOfRetries(0)
        .setLoggingEnabled(false)
        .setCurlLoggingEnabled(false)
        .setSuppressUserAgentSuffix(true)
        .setConnectTimeout(connectTimeoutMillis)
        .setReadTimeout(readTimeoutMillis);
    HttpHeaders headers = request.getHeaders();
    headers.setAccept("application/json");
    headers.setUserAgent(userAgent);
    call.headers.forEach((name, value) -> setHeader(headers, name, value));
    authHeaders.forEach((name, value) -> setHeader(headers, name, value));

    HttpResponse response = request.execute();
    byte[] body;
    try {
      body = readAll(response.getContent());
    } catch (IOException e) {
      // A truncated answer leaves the connection unusable: close it rather than return it to the
      // pool.
      response.disconnect();
      throw e;
    }
    return new HttpAnswer(
        response.getStatusCode(),
        body,
        response.getHeaders().getFirstHeaderStringValue("Retry-After"),
        response.getHeaders().getLocation());
  }

  /** How many connections this transport has opened so far. */
  long connectionsOpened() {
    return connections.opened();
  }

  @Override
  public void close() throws IOException {
    transport.shutdown();
  }

  private static void setHeader(HttpHeaders headers, String name, String value) {
    // HttpHeaders types Authorization as a list: a plain set() with a string would not fit it.
    if (name.equalsIgnoreCase("Authorization")) {
      headers.setAuthorization(value);
    } else {
      headers.set(name, value);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    try (InputStream content = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      content.transferTo(out);
      return out.toByteArray();
    }
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }
}
