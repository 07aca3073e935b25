// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { directionOf, initialLanguage } from '../../src/i18n/languages';

describe('the device language', () => {
  it('prefers what this device chose before', () => {
    expect(initialLanguage('ar', ['es-MX'])).toBe('ar');
  });

  it('else takes the browser language it supports', () => {
    expect(initialLanguage(null, ['de-DE', 'fr-CA'])).toBe('fr');
  });

  it('else English, and ignores a stored value it does not know', () => {
    expect(initialLanguage('xx', ['de'])).toBe('en');
  });

  it('lays Arabic out right to left and the others left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('es')).toBe('ltr');
  });
});
