package io.formaloo.beam.io.client;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.http.config.ConnectionConfig;
import org.apache.http.conn.HttpConnectionFactory;
import org.apache.http.conn.ManagedHttpClientConnection;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.impl.conn.DefaultManagedHttpClientConnection;

/**
 * Makes Apache HttpClient connections that never log. The default factory's connections log every
 * header, {@code x-api-key} and {@code Authorization} included, to {@code org.apache.http.headers}
 * whenever that logger is at debug: one logging setting away from leaking credentials.
 *
 * <p>It also counts the connections it opens, which is how tests see that connections are reused.
 */
final class QuietConnectionFactory
    implements HttpConnectionFactory<HttpRoute, ManagedHttpClientConnection> {
  private final AtomicLong opened = new AtomicLong();

  @Override
  public ManagedHttpClientConnection create(HttpRoute route, ConnectionConfig config) {
    ConnectionConfig c = config != null ? config : ConnectionConfig.DEFAULT;
    return new DefaultManagedHttpClientConnection(
        "formaloo-" + opened.incrementAndGet(),
        c.getBufferSize(),
        c.getFragmentSizeHint(),
        null,
        null,
        c.getMessageConstraints(),
        null,
        null,
        null,
        null);
  }

  long opened() {
    return opened.get();
  }
}
