import { describe, expect, it } from 'vitest';
import { readOptions, selectMeasurements } from './options';
import { area } from './profile';
import { commentFormOf } from './session';

// The comment form as React renders a useActionState form for a browser without JavaScript
// (captured from the signed-in article page; the rating forms come first and must be skipped).
const page = `
<form class="inline" action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_4"/><input type="hidden" name="$ACTION_4:0" value="{&quot;id&quot;:&quot;7f2f1cdbfa9f3b7caa0f3b9ffd50710a102a8dc218&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/><input type="hidden" name="$ACTION_4:1" value="[&quot;$undefined&quot;]"/><input type="hidden" name="$ACTION_KEY" value="k2567ee7c16e16648765064f1ed6d2ef8"/><input type="hidden" name="articleId" value="5"/><input type="hidden" name="value" value="1"/><button type="submit">+</button></form>
<form class="mt-3 space-y-2" action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_6"/><input type="hidden" name="$ACTION_6:0" value="{&quot;id&quot;:&quot;7f06a29816563a07e15c586fd283ac191ef2a6f342&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/><input type="hidden" name="$ACTION_6:1" value="[&quot;$undefined&quot;]"/><input type="hidden" name="$ACTION_KEY" value="k8fcdeb72d686c831d397e7843321be3d"/><input type="hidden" name="threadId" value="5"/><input type="hidden" name="returnTo" value="/news/5-a&amp;b"/><label for="c">Comment</label><textarea id="c" name="body" rows="4" maxLength="5000" required=""></textarea><button type="submit">Post comment</button></form>
<form action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_7"/><input type="hidden" name="$ACTION_7:0" value="{&quot;id&quot;:&quot;7f06a29816563a07e15c586fd283ac191ef2a6f342&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/><input type="hidden" name="threadId" value="5"/><input type="hidden" name="parentId" value="9"/><textarea name="body"></textarea></form>`;

describe('commentFormOf', () => {
  it('finds the top-level comment form and its hidden fields, decoded, with the action id', () => {
    const form = commentFormOf(page);
    expect(form?.actionId).toBe('7f06a29816563a07e15c586fd283ac191ef2a6f342');
    expect(form?.fields).toEqual([
      ['$ACTION_REF_6', ''],
      ['$ACTION_6:0', '{"id":"7f06a29816563a07e15c586fd283ac191ef2a6f342","bound":"$@1"}'],
      ['$ACTION_6:1', '["$undefined"]'],
      ['$ACTION_KEY', 'k8fcdeb72d686c831d397e7843321be3d'],
      ['threadId', '5'],
      ['returnTo', '/news/5-a&b'],
    ]);
  });

  it('takes a plain `$ACTION_ID_…` form too, and finds nothing on a page without the form', () => {
    const plain = '<form action="" method="POST"><input type="hidden" name="$ACTION_ID_abc123"/><input type="hidden" name="threadId" value="1"/><textarea name="body"></textarea></form>';
    expect(commentFormOf(plain)?.actionId).toBe('abc123');
    expect(commentFormOf('<p>Do you want to leave a comment? Register and/or Log in</p>')).toBeNull();
  });
});

describe('options', () => {
  const all = [{ name: 'warm-up', always: true }, { name: 'article' }, { name: 'login' }, { name: 'health', optional: true }, { name: 'soak', optional: true }].map((m) => ({
    description: '',
    ...m,
  }));
  const names = (argv: string[]) => selectMeasurements(all, readOptions(argv, all)).map((m) => m.name);

  it('runs the defaults, minus --skip; --only picks; --soak runs the soak instead', () => {
    expect(names([])).toEqual(['warm-up', 'article', 'login']);
    expect(names(['--skip', 'login'])).toEqual(['warm-up', 'article']);
    expect(names(['--only', 'health'])).toEqual(['warm-up', 'health']);
    expect(names(['--soak', '60'])).toEqual(['warm-up', 'soak']);
    expect(names(['--soak', '60', '--only', 'login'])).toEqual(['warm-up', 'login', 'soak']);
  });

  it('reads the numeric options', () => {
    const o = readOptions(['--post-every', '500', '--streams', '200', '--dynamic-connections', '4'], all);
    expect([o.postEvery, o.streams, o.dynamicConnections, o.soak, o.writers]).toEqual([500, 200, 4, undefined, 5]);
  });
});

describe('profile areas', () => {
  it('names where code lives', () => {
    expect(area({ functionName: 'x', url: 'file:///app/node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js', lineNumber: 1 })).toMatch(/React/);
    expect(area({ functionName: 'cspFor', url: 'file:///app/lib/server/csp.mjs', lineNumber: 1 })).toMatch(/CSP/);
    expect(area({ functionName: '(garbage collector)', url: '', lineNumber: -1 })).toBe('garbage collection');
  });
});
