import fs from 'node:fs';
import path from 'node:path';

/**
 * What the seed capture says, read straight from the file the site imports: the tests compare the
 * page with the source, not with the importer's idea of it.
 */
export function seedCapture() {
  const text = fs.readFileSync(path.join(process.cwd(), 'db/seed/000_0f878f7f675210c6.txt'), 'utf8');
  const lines = text.split('\n');
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim());
  const bylineIndex = blocks.findIndex((b) => b.startsWith('D. Marjanovich (D. Marjanovich)'));
  const rightsIndex = blocks.findIndex((b) => b.startsWith('The rights to this material'));
  const firstParagraph = blocks[bylineIndex]!.replace('D. Marjanovich (D. Marjanovich)', '');
  const body = [firstParagraph, ...blocks.slice(bylineIndex + 1, rightsIndex)];
  const sidebar: Array<{ time: string; count: string; title: string }> = [];
  const start = lines.findIndex((l) => l.trim() === 'Update');
  for (let i = start + 1; i + 2 < lines.length + 1; i += 3) {
    const time = lines[i]?.replace('•', '').trim();
    const count = lines[i + 1]?.replace('•', '').trim();
    const title = lines[i + 2]?.trim();
    if (!time || !count || !title) break;
    sidebar.push({ time, count, title });
  }
  return { body, sidebar, rightsBlock: blocks[rightsIndex]!.split('\n').slice(0, 4) };
}

export const ARTICLE_TITLE = "Kiev is seriously concerned about Putin's visit to Minsk";
