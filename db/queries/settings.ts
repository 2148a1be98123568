import 'server-only';
import type { Db } from '@/db';
import { parseWordList } from '@/lib/moderation/words';

export type ModerationSettings = {
  premoderation: 'off' | 'all' | 'new-users';
  /** With 'new-users': how many of a new account's first comments wait for approval. */
  firstN: number;
  bannedWords: string[];
  suspectWords: string[];
};

export const DEFAULT_SETTINGS: ModerationSettings = { premoderation: 'off', firstN: 1, bannedWords: [], suspectWords: [] };

/** Read inside the write's transaction, so a comment is judged by the settings of its moment. */
export function readSettings(db: Db): ModerationSettings {
  const rows = db.$client.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const mode = map.get('premoderation');
  return {
    premoderation: mode === 'all' || mode === 'new-users' ? mode : 'off',
    firstN: Math.max(0, Math.min(1000, Number(map.get('first_n') ?? DEFAULT_SETTINGS.firstN) || 0)),
    bannedWords: parseWordList(map.get('banned_words') ?? ''),
    suspectWords: parseWordList(map.get('suspect_words') ?? ''),
  };
}
