package io.formaloo.beam.flinkcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The ports the JobManager listens on, each free on loopback when chosen. TaskManagers take any
 * free port themselves (port 0), since nothing connects to them by a port known in advance.
 */
record ClusterPorts(int jobManagerRpc, int rest, int blobServer) {
  static final String HOST = "127.0.0.1";

  static ClusterPorts free() {
    return new ClusterPorts(freePort(), freePort(), freePort());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }
}
