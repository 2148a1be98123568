import { LinkifyIt } from 'linkify-it';

// Only web links become links; e-mail addresses, other schemes and bare "//host" stay text.
const linkify = new LinkifyIt({ fuzzyEmail: false }).add('mailto:', null).add('//', null).add('ftp:', null);

function withLinks(line: string, key: string) {
  const matches = linkify.match(line);
  if (!matches) return line;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, m] of matches.entries()) {
    if (!/^https?:\/\//i.test(m.url)) continue;
    parts.push(line.slice(at, m.index));
    parts.push(
      <a key={`${key}-${i}`} href={m.url} rel="nofollow ugc noopener" target="_blank" className="break-all text-blue-800 underline">
        {m.text}
      </a>,
    );
    at = m.lastIndex;
  }
  parts.push(line.slice(at));
  return parts;
}

/**
 * A comment as its author typed it: paragraphs and line breaks kept, web addresses made links,
 * nothing else interpreted. React escapes every piece, so no text can become markup.
 */
export function CommentBody({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/);
  return (
    <div className="space-y-2 break-words [overflow-wrap:anywhere]">
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split('\n').map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {withLinks(line, `${i}-${j}`)}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
