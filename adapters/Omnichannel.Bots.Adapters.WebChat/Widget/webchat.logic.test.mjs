// Tests of the widget's pure logic (no DOM): node --test adapters/Omnichannel.Bots.Adapters.WebChat/Widget/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const widgetPath = new URL('./webchat.js', import.meta.url);
const W = require(widgetPath.pathname);
const { renderMarkdown, mergeActivities, backoffDelay, nextWatermark, parseFrame, baseFromSrc, safeUrl, storageKey, readConfig, tokenRequest } = W;

const msg = (id, extra = {}) => ({ type: 'message', id, from: { id: 'bot', role: 'bot' }, text: 'm' + id, ...extra });
const echo = (id, cid, text = 'hi') => ({ type: 'message', id, from: { id: 'u1', role: 'user' }, text, channelData: { clientActivityID: cid } });

test('loads in Node without a DOM and exports the pure helpers', () => {
  assert.equal(typeof document, 'undefined');
  for (const f of [renderMarkdown, mergeActivities, backoffDelay, nextWatermark, parseFrame, baseFromSrc, safeUrl, storageKey, readConfig, tokenRequest]) {
    assert.equal(typeof f, 'function');
  }
  assert.equal(globalThis.OmnibotWebChat, undefined);
});

test('source uses no eval and stays under 20 KiB', () => {
  const src = readFileSync(widgetPath, 'utf8');
  assert.doesNotMatch(src, /\beval\s*\(|new Function\s*\(/);
  assert.ok(Buffer.byteLength(src) < 20480, `webchat.js is ${Buffer.byteLength(src)} bytes`);
});

test('renderMarkdown: <script> is escaped, never a tag', () => {
  const html = renderMarkdown('hi <script>alert(1)</script>');
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('renderMarkdown: <img onerror> and other raw HTML stay text', () => {
  const html = renderMarkdown('<img src=x onerror="alert(1)"> <a href="javascript:alert(1)">x</a> <svg onload=alert(1)>');
  assert.doesNotMatch(html, /<img|<svg|<a /i);
  assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
});

test('renderMarkdown: javascript:, vbscript: and data: links are neutralised to plain text', () => {
  for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>']) {
    const html = renderMarkdown(`[click me](${url})`);
    assert.doesNotMatch(html, /<a\b/i, url);
    assert.doesNotMatch(html, /href/i, url);
    assert.match(html, /click me/, url);
  }
});

test('renderMarkdown: a quote in a link URL cannot break out of the attribute', () => {
  const html = renderMarkdown('[x](https://a.example/?q="onmouseover="alert(1))');
  assert.doesNotMatch(html, /"onmouseover="/);
  assert.match(html, /href="https:\/\/a\.example\/\?q=&quot;onmouseover=&quot;alert\(1"/);
});

test('renderMarkdown: bold and italic', () => {
  assert.equal(renderMarkdown('**Bold** and *italic*'), '<p><strong>Bold</strong> and <em>italic</em></p>');
  assert.equal(renderMarkdown('**a <b>**'), '<p><strong>a &lt;b&gt;</strong></p>');
  assert.equal(renderMarkdown('2 * 3 * 4'), '<p>2 * 3 * 4</p>');
});

test('renderMarkdown: links open in a new tab with rel="noopener noreferrer"', () => {
  assert.equal(renderMarkdown('See [our policy](https://acme.example/returns?a=1&b=2).'),
    '<p>See <a href="https://acme.example/returns?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">our policy</a>.</p>');
  assert.equal(renderMarkdown('[**Track**](https://t.example)'),
    '<p><a href="https://t.example" target="_blank" rel="noopener noreferrer"><strong>Track</strong></a></p>');
  assert.match(renderMarkdown('[mail us](mailto:help@acme.example)'), /<a href="mailto:help@acme\.example"/);
});

test('renderMarkdown: bare URLs become links without trailing punctuation', () => {
  assert.equal(renderMarkdown('Go to https://acme.example/track_order?id=1.'),
    '<p>Go to <a href="https://acme.example/track_order?id=1" target="_blank" rel="noopener noreferrer">https://acme.example/track_order?id=1</a>.</p>');
});

test('renderMarkdown: line breaks, paragraphs and bullet lists', () => {
  assert.equal(renderMarkdown('one\ntwo\r\nthree'), '<p>one<br>two<br>three</p>');
  assert.equal(renderMarkdown('para 1\n\npara 2'), '<p>para 1</p><p>para 2</p>');
  assert.equal(renderMarkdown('Options:\n- **Track** an order\n* Return an item\n+ Talk to a person\nThanks'),
    '<p>Options:</p><ul><li><strong>Track</strong> an order</li><li>Return an item</li><li>Talk to a person</li></ul><p>Thanks</p>');
});

test('renderMarkdown: inline code is escaped and not formatted', () => {
  assert.equal(renderMarkdown('Run `a <b> **c**`'), '<p>Run <code>a &lt;b&gt; **c**</code></p>');
});

test('renderMarkdown: empty and non-string input', () => {
  assert.equal(renderMarkdown(''), '');
  assert.equal(renderMarkdown(null), '');
  assert.equal(renderMarkdown(undefined), '');
  assert.equal(renderMarkdown(42), '<p>42</p>');
});

test('safeUrl: allows http(s), mailto, tel and relative; refuses script and data schemes', () => {
  for (const ok of ['https://a.example/x', 'http://a.example', 'mailto:a@b.example', 'tel:+3312345678', '/orders/1', 'orders?id=2', '#top']) {
    assert.equal(safeUrl(ok), ok);
  }
  for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\x01javascript:x',
    'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', '', '   ', null, undefined, 42]) {
    assert.equal(safeUrl(bad), null, JSON.stringify(bad));
  }
});

test('mergeActivities: adds messages in order and drops a repeated id', () => {
  const list = [];
  let r = mergeActivities(list, [msg('1'), msg('2'), msg('1')]);
  assert.deepEqual(r.added.map(a => a.id), ['1', '2']);
  r = mergeActivities(list, [msg('2'), msg('3')]);
  assert.deepEqual(r.added.map(a => a.id), ['3']);
  assert.deepEqual(list.map(a => a.id), ['1', '2', '3']);
  assert.equal(r.list, list);
});

test('mergeActivities: a full history replay after a reconnect adds only what is new', () => {
  const list = [];
  mergeActivities(list, [msg('a'), msg('b')]);
  const r = mergeActivities(list, [msg('a'), msg('b'), msg('c'), msg('d')]);
  assert.deepEqual(r.added.map(a => a.id), ['c', 'd']);
  assert.equal(list.length, 4);
});

test('mergeActivities: numeric and string ids are the same id', () => {
  const list = [];
  mergeActivities(list, [msg(7)]);
  assert.equal(mergeActivities(list, [msg('7')]).added.length, 0);
});

test('mergeActivities: skips typing, events and junk', () => {
  const list = [];
  const r = mergeActivities(list, [{ type: 'typing', from: { role: 'bot' } }, { type: 'event', id: 'e' }, null, 'x', 5, msg('1')]);
  assert.deepEqual(r.added.map(a => a.id), ['1']);
  assert.deepEqual(mergeActivities(list, undefined).added, []);
  assert.deepEqual(mergeActivities(list, { activities: [] }).added, []);
});

test('mergeActivities: the echo of a pending message marks it sent instead of adding it', () => {
  const list = [];
  const pending = { type: 'message', from: { role: 'user' }, text: 'hi', channelData: { clientActivityID: 'c1' }, status: 'sending' };
  mergeActivities(list, [pending]);
  const r = mergeActivities(list, [echo('s1', 'c1')]);
  assert.deepEqual(r.added, []);
  assert.deepEqual(r.updated, [pending]);
  assert.equal(pending.status, 'sent');
  assert.equal(pending.id, 's1');
  // the same echo again (a replayed history) changes nothing
  const again = mergeActivities(list, [echo('s1', 'c1')]);
  assert.deepEqual([again.added, again.updated], [[], []]);
  assert.equal(list.length, 1);
});

test('mergeActivities: an echo after the POST succeeded does not duplicate and is not reported again', () => {
  const list = [];
  const pending = { type: 'message', from: { role: 'user' }, text: 'hi', channelData: { clientActivityID: 'c2' }, status: 'sending' };
  mergeActivities(list, [pending]);
  pending.status = 'sent'; // POST returned 200 first
  const r = mergeActivities(list, [echo('s2', 'c2')]);
  assert.deepEqual([r.added, r.updated], [[], []]);
  assert.equal(pending.id, 's2');
});

test('mergeActivities: a failed message that the server did receive becomes sent on its echo', () => {
  const list = [];
  const pending = { type: 'message', from: { role: 'user' }, text: 'hi', channelData: { clientActivityID: 'c3' }, status: 'failed' };
  mergeActivities(list, [pending]);
  assert.deepEqual(mergeActivities(list, [echo('s3', 'c3')]).updated, [pending]);
  assert.equal(pending.status, 'sent');
});

test('mergeActivities: a user message from another tab (unknown clientActivityID) is added', () => {
  const list = [];
  const r = mergeActivities(list, [echo('s9', 'other-tab')]);
  assert.equal(r.added.length, 1);
  assert.equal(mergeActivities(list, [echo('s9', 'other-tab')]).added.length, 0);
});

test('backoffDelay: 0.5 s, 1, 2, 4, 8 then 15 s at most', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 50].map(n => backoffDelay(n, 0.5)), [500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
});

test('backoffDelay: jitter stays within 20% and never exceeds 15 s', () => {
  for (let n = 0; n < 12; n++) {
    const base = Math.min(15000, 500 * 2 ** n);
    for (const r of [0, 0.25, 0.999]) {
      const d = backoffDelay(n, r);
      assert.ok(d <= 15000 && d >= Math.floor(base * 0.8) - 1, `n=${n} r=${r} d=${d}`);
    }
  }
  for (let i = 0; i < 200; i++) {
    const d = backoffDelay(1);
    assert.ok(d >= 800 && d <= 1200, String(d));
  }
  assert.equal(backoffDelay(-3, 0.5), 500);
  assert.equal(backoffDelay(NaN, 0.5), 500);
});

test('nextWatermark: keeps the last one seen and treats watermarks as opaque strings', () => {
  assert.equal(nextWatermark(null, '3'), '3');
  assert.equal(nextWatermark('3', undefined), '3'); // a typing frame has none
  assert.equal(nextWatermark('3', null), '3');
  assert.equal(nextWatermark('3', ''), '3');
  assert.equal(nextWatermark('9', '10'), '10'); // no numeric or string comparison
  assert.equal(nextWatermark('10', '9'), '9');
  assert.equal(nextWatermark('x', 12), '12');
  assert.equal(nextWatermark(null, 'conv|0000042'), 'conv|0000042');
});

test('parseFrame: heartbeats, activity batches, and bad data', () => {
  for (const hb of ['', ' ', '\n', ' \r\n\t ']) assert.equal(parseFrame(hb), null);
  assert.deepEqual(parseFrame('{"activities":[{"type":"message","id":"1"}],"watermark":"1"}'),
    { activities: [{ type: 'message', id: '1' }], watermark: '1' });
  assert.deepEqual(parseFrame('{"activities":[{"type":"typing"}]}'), { activities: [{ type: 'typing' }], watermark: undefined });
  assert.deepEqual(parseFrame({ activities: [], watermark: '5' }), { activities: [], watermark: '5' }); // a polling body
  assert.deepEqual(parseFrame('{"watermark":"2"}'), { activities: [], watermark: '2' });
  for (const bad of ['{not json', '[1,2]', '"text"', 'null', '42', null, 7]) assert.equal(parseFrame(bad)?.error, true, String(bad));
});

test('baseFromSrc and storageKey: the base is the script URL without /webchat.js', () => {
  assert.equal(baseFromSrc('https://bot.acme.example/webchat.js'), 'https://bot.acme.example');
  assert.equal(baseFromSrc('https://acme.example/support/bot/webchat.js?v=3#x'), 'https://acme.example/support/bot');
  assert.equal(baseFromSrc('http://127.0.0.1:5000/webchat.js'), 'http://127.0.0.1:5000');
  assert.equal(baseFromSrc(undefined), '');
  assert.equal(storageKey('https://bot.acme.example'), 'omnibot:webchat:https://bot.acme.example');
});

test('readConfig: data-* attributes win over window.OmnibotWebChat', () => {
  const c = readConfig({ title: 'Acme support', baseUrl: 'https://bot.example/', open: 'true' },
    { title: 'Ignored', userToken: 'jwt', locale: 'fr-FR', open: false });
  assert.equal(c.title, 'Acme support');
  assert.equal(c.baseUrl, 'https://bot.example');
  assert.equal(c.userToken, 'jwt');
  assert.equal(c.locale, 'fr-FR');
  assert.equal(c.open, true);
});

test('readConfig: defaults and the open flag', () => {
  const c = readConfig(undefined, undefined);
  assert.equal(c.title, 'Chat with us');
  assert.ok(!c.baseUrl && !c.userToken && !c.locale);
  assert.equal(c.open, false);
  assert.equal(readConfig({ open: '' }).open, true); // <script data-open>
  assert.equal(readConfig({ open: 'false' }, { open: true }).open, false);
  assert.equal(readConfig({}, { open: true }).open, true);
  assert.equal(readConfig({ title: '' }, { title: 'From JS' }).title, 'From JS');
});

test('tokenRequest: a kept conversation is resumed with its token and resume secret together', () => {
  const kept = { token: 't1', conversationId: 'c1', resumeSecret: 'r1' };
  assert.deepEqual(tokenRequest(kept, true), { resume: 't1', resumeSecret: 'r1' });
  assert.deepEqual(tokenRequest(kept, true, 'jwt'), { resume: 't1', resumeSecret: 'r1', userToken: 'jwt' });
});

test('tokenRequest: a token without its resume secret (or no resume asked) asks for a new conversation', () => {
  assert.deepEqual(tokenRequest({ token: 't1', resumeSecret: null }, true), {});
  assert.deepEqual(tokenRequest({ token: 't1', resumeSecret: 'r1' }, false), {});
  assert.deepEqual(tokenRequest({ token: null, resumeSecret: null }, true, 'jwt'), { userToken: 'jwt' });
});
