import { isSupportedCountry as isSupportedInMetadata, type CountryCode } from 'libphonenumber-js/core';
// The full ("max") metadata, as ingest reads phone numbers with it: a country is supported when its
// numbering plan is known there.
import metadata from 'libphonenumber-js/metadata.max';

/**
 * A workspace's default phone country (national numbers are read as numbers of it): the ISO 3166
 * alpha-2 code, any case, as libphonenumber-js knows it, upper-cased; undefined otherwise.
 */
export function phoneCountryCode(country: string | undefined): CountryCode | undefined {
  const code = country?.toUpperCase();
  // isSupportedCountry checks any string against the metadata; its parameter type is the known set.
  return code !== undefined && isSupportedInMetadata(code as CountryCode, metadata)
    ? (code as CountryCode)
    : undefined;
}

export function isSupportedCountry(country: string): boolean {
  return phoneCountryCode(country) !== undefined;
}
