import { describe, expect, it } from 'vitest';
import { emailSchema, nameSchema, passwordSchema } from './validation';

describe('password rules (ASVS 5)', () => {
  it('refuses fewer than 8 characters and common passwords, with the reason', () => {
    expect(passwordSchema.safeParse('abcdefg').error?.issues[0]?.message).toMatch(/at least 8/);
    expect(passwordSchema.safeParse('password1').error?.issues[0]?.message).toMatch(/most common/);
    expect(passwordSchema.safeParse('Qwertyuiop').error?.issues[0]?.message).toMatch(/most common/);
  });
  it('accepts long Unicode passphrases untruncated, with no composition rules', () => {
    const phrase = 'Пусть всегда будет солнце — и небо тоже, 🌞 навсегда и ещё немного!';
    expect([...phrase].length).toBeGreaterThanOrEqual(64);
    expect(passwordSchema.parse(phrase)).toBe(phrase);
    expect(passwordSchema.safeParse('all lower case words here').success).toBe(true);
    expect(passwordSchema.safeParse('x'.repeat(257)).success).toBe(false);
  });
  it('counts characters as a person does (code points)', () => {
    expect(passwordSchema.safeParse('🌞🌞🌞🌞🌞🌞🌞').success).toBe(false); // 7 characters, 14 UTF-16 units
  });
});

describe('e-mail and name', () => {
  it('normalises e-mail and refuses header injection', () => {
    expect(emailSchema.parse('  Reader@Example.COM ')).toBe('reader@example.com');
    expect(emailSchema.safeParse('a@b.c\r\nBcc: x@y.z').success).toBe(false);
    expect(emailSchema.safeParse('not an address').success).toBe(false);
  });
  it('trims names, allows 1–50 characters and no direction overrides', () => {
    expect(nameSchema.parse('  Анна   Петрова ')).toBe('Анна Петрова');
    expect(nameSchema.safeParse('   ').success).toBe(false);
    expect(nameSchema.safeParse('x'.repeat(51)).success).toBe(false);
    expect(nameSchema.safeParse('evil\u202Egnp.exe').success).toBe(false);
  });
});
