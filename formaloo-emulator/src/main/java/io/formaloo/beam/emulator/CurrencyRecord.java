package io.formaloo.beam.emulator;

/** A currency that monetary activities are valued in. */
final class CurrencyRecord {
  final String isoCode;
  final String title;

  CurrencyRecord(String isoCode, String title) {
    this.isoCode = isoCode;
    this.title = title;
  }
}
