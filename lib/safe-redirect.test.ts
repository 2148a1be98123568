import { describe, expect, it } from 'vitest';
import { safeLocalPath } from './safe-redirect';

describe('safeLocalPath', () => {
  it('keeps paths of this site', () => {
    expect(safeLocalPath('/news/1-a?x=1#c2')).toBe('/news/1-a?x=1#c2');
    expect(safeLocalPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });

  it.each([
    'https://evil.example',
    'https:evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\tevil',
    'javascript:alert(1)',
    // Dot segments collapse into a protocol-relative address after normalisation.
    '/.//evil.example',
    '/..//evil.example',
    '/a/..//evil.example/x',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
  ])('refuses %s', (value) => {
    expect(safeLocalPath(value)).toBeNull();
  });
});
