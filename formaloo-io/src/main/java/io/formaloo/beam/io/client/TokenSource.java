package io.formaloo.beam.io.client;

/** Obtains a new access token from the API. */
interface TokenSource {
  /**
   * Asks the API for a token.
   *
   * @throws FormalooException of kind {@link ErrorKind#CONFIGURATION} if the credentials are
   *     rejected, or a retryable kind if the API could not be reached
   */
  AccessToken fetch();
}
