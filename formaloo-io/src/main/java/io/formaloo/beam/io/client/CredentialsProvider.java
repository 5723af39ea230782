package io.formaloo.beam.io.client;

import java.io.Serializable;

/**
 * Supplies credentials where the client runs, for example from a secret manager, so that they never
 * travel inside the serialized pipeline. Called once each time a client is created (typically once
 * per worker thread in {@code @Setup}); cache in the provider if fetching is expensive.
 *
 * <p>The provider is serialized with the pipeline: keep in it only what locates the secret (a
 * secret's name, a project), never the secret.
 */
@FunctionalInterface
public interface CredentialsProvider extends Serializable {
  /**
   * Returns the credentials, typically built with {@link FormalooCredentials#of(String, String)}.
   *
   * @throws Exception if the credentials cannot be had; the client fails with a configuration error
   */
  FormalooCredentials get() throws Exception;
}
