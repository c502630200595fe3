/*! Omnibot web chat widget (Omnichannel.Bots): plain JavaScript, no dependencies. See README.md. */
(() => {
'use strict';

/* ---- Pure helpers (no DOM), exported for node --test */

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = s => String(s).replace(/[&<>"']/g, c => ESC[c]);

// u if relative or http(s)/mailto/tel, else null; schemes read as browsers do.
const safeUrl = u => {
  if (typeof u != 'string' || !u.trim()) return null;
  const t = u.trim(), p = t.replace(/[\0- \x7f-\x9f]/g, '').toLowerCase(), m = /^([a-z][\w+.-]*):/.exec(p);
  return !m || /^(https?|mailto|tel)$/.test(m[1]) ? t : null;
};

// Markdown subset -> HTML: paragraphs, breaks, **bold**, *italic*, `code`, links, - lists; escaped.
const emph = h => h.replace(/\*\*(?=\S)(.*?\S)\*\*/g, '<strong>$1</strong>').replace(/\*(?=[^\s*])([^*<]*?[^\s*<])\*/g, '<em>$1</em>');
const TOKEN = /\[([^\]]+)\]\(\s*([^)\s]+)\s*\)|`([^`]+)`|\b(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"*])/g;
const inline = s => {
  const keep = [];
  s = String(s).replace(/[\x01\x02]/g, '').replace(TOKEN, (_, text, url, code, bare) => {
    const href = safeUrl(url || bare), label = text ? emph(esc(text)) : esc(code || bare);
    return '\x01' + (keep.push(code ? `<code>${label}</code>` : href ? `<a href="${esc(href)}" target="_blank" rel="noopener noreferrer">${label}</a>` : label) - 1) + '\x02';
  });
  return emph(esc(s)).replace(/\x01(\d+)\x02/g, (_, i) => keep[i]);
};
function renderMarkdown(md) {
  let html = '', para = [], items = null, m;
  const flush = () => {
    if (para.length) html += `<p>${para.map(inline).join('<br>')}</p>`;
    if (items) html += `<ul>${items.map(i => `<li>${inline(i)}</li>`).join('')}</ul>`;
    para = []; items = null;
  };
  for (const line of String(md ?? '').split(/\r?\n/)) {
    if ((m = /^\s*[-*+]\s+(.*)/.exec(line))) { if (para.length) flush(); (items = items || []).push(m[1]); }
    else if (!line.trim()) flush();
    else { if (items) flush(); para.push(line); }
  }
  flush();
  return html;
}

const cidOf = a => { const c = a?.channelData?.clientActivityID; return typeof c == 'string' && c ? c : null; };

// Adds new messages (by id); a pending message's echo (same clientActivityID) marks it sent.
function mergeActivities(list, incoming) {
  const seen = new Map(), added = [], updated = [];
  const index = a => { if (a.id != null) seen.set('#' + a.id, a); if (cidOf(a)) seen.set('c' + cidOf(a), a); };
  list.forEach(index);
  for (const a of Array.isArray(incoming) ? incoming : []) {
    if (!a || a.type != 'message' || (a.id != null && seen.has('#' + a.id))) continue;
    const mine = cidOf(a) && seen.get('c' + cidOf(a));
    if (!mine) { list.push(a); added.push(a); index(a); continue; }
    if (a.id != null && mine.id == null) { mine.id = a.id; seen.set('#' + a.id, mine); }
    if (mine.status && mine.status != 'sent') { mine.status = 'sent'; updated.push(mine); }
  }
  return { list, added, updated };
}

// Retry n: 0.5 s doubling, at most 15 s; +/-20% jitter.
const backoffDelay = (n, r = Math.random()) => Math.round(Math.min(15000, 500 * 2 ** Math.min(Math.max(0, n | 0), 5) * (0.8 + 0.4 * r)));

// Watermarks are opaque: keep the latest, never do arithmetic.
const nextWatermark = (cur, w) => (w == null || w === '' ? cur : String(w));

// -> {activities, watermark}; null: heartbeat; {error}: not an object.
function parseFrame(d) {
  if (typeof d == 'string') {
    if (!d.trim()) return null;
    try { d = JSON.parse(d); } catch { d = null; }
  }
  if (!d || typeof d != 'object' || Array.isArray(d)) return { error: true, activities: [] };
  return { activities: Array.isArray(d.activities) ? d.activities : [], watermark: d.watermark };
}

const baseFromSrc = src => String(src || '').replace(/[?#].*/, '').replace(/\/webchat\.js$/i, '');
const storageKey = base => 'omnibot:webchat:' + base;

// data-* attributes win over window.OmnibotWebChat = {...}.
function readConfig(data, glob) {
  const d = Object(data), g = Object(glob), pick = k => [d[k], g[k]].find(v => v != null && v !== '');
  return { title: String(pick('title') || 'Chat with us'), baseUrl: pick('baseUrl') && String(pick('baseUrl')).replace(/\/+$/, ''),
    userToken: pick('userToken'), open: /^(true|)$/.test(d.open ?? g.open), locale: pick('locale') };
}

// POST /api/webchat/token body: resume only with the resume secret.
const tokenRequest = (s, resume, userToken) => ({ ...(resume && s.token && s.resumeSecret && { resume: s.token, resumeSecret: s.resumeSecret }), ...(userToken && { userToken }) });

if (typeof module == 'object' && module.exports) {
  module.exports = { renderMarkdown, mergeActivities, backoffDelay, nextWatermark, parseFrame, baseFromSrc, safeUrl, storageKey, readConfig, tokenRequest };
}
if (typeof window == 'undefined' || typeof document == 'undefined' || window.OmnibotWebChat?.loaded) return;

/* ---- Browser */

const script = document.currentScript || [...document.querySelectorAll('script[src*="webchat"]')].pop();
const cfg = readConfig(script?.dataset, window.OmnibotWebChat);
const base = cfg.baseUrl || baseFromSrc(script?.src), KEY = storageKey(base), locale = cfg.locale || navigator.language || 'en-US';
const S = { token: null, conversationId: null, watermark: null, userId: null, resumeSecret: null };
const load = () => { try { for (const [k, v] of Object.entries(JSON.parse(localStorage.getItem(KEY)))) if (k in S && typeof v == 'string') S[k] = v; } catch { /* none */ } };
load();
const save = () => { try { localStorage.setItem(KEY, JSON.stringify(S)); } catch { /* no resume */ } };

const A = 'var(--omnibot-accent,#0b5cad)';
const CSS = `~root{position:fixed;z-index:2147483000;right:20px;bottom:20px;font:15px/1.4 system-ui,sans-serif;color:#1d1d1f;text-align:left}
~root *{box-sizing:border-box;font-family:inherit}~root [hidden]{display:none!important}
~root :focus-visible{outline:2px solid #fff;box-shadow:0 0 0 4px #111}
~root button{margin:0;cursor:pointer;font-size:14px}~root :disabled{opacity:.5}
~launcher,~header,~msg-user,~send{background:${A};color:#fff}
~launcher{width:56px;height:56px;border-radius:50%;border:0;box-shadow:0 4px 14px #0005;display:grid;place-items:center}
~panel{position:absolute;right:0;bottom:68px;width:370px;height:min(600px,calc(100vh - 110px));background:#fff;border-radius:12px;box-shadow:0 8px 30px #0005;display:flex;flex-direction:column;overflow:hidden;animation:omnibot-in .2s}
@keyframes omnibot-in{from{opacity:0;transform:translateY(8px)}}
~header{display:flex;align-items:center;padding:8px 8px 8px 16px}
~title{flex:1;font-size:16px;font-weight:600}
~close{width:36px;height:36px;border:0;background:none;color:#fff;font-size:24px!important}
~status{padding:6px 12px;font-size:13px;background:#fff4e5;color:#4d3200}~status:empty{display:none}
~log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f5f6f8}
~msg{max-width:85%;padding:8px 12px;border-radius:14px;overflow-wrap:anywhere}
~msg-bot{align-self:flex-start;background:#fff;border:1px solid #dfe2e6}
~msg-user{align-self:flex-end;white-space:pre-wrap}~msg-failed{border:2px dashed #d93025}
~msg p,~msg ul{margin:0 0 6px;padding:0}~msg ul{padding-left:20px;list-style:disc}~text>:last-child{margin:0}
~img{display:block;max-width:100%;border-radius:8px;margin-top:6px}
~meta{font-size:12px;text-align:right}~via{font-size:12px;opacity:.75;margin-bottom:2px}
~retry{border:0;background:none;color:inherit;text-decoration:underline}
~sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
~actions{display:flex;flex-wrap:wrap;gap:6px}
~action{border:1px solid ${A};color:${A};background:#fff;border-radius:16px;padding:6px 12px}
~typing{padding:4px 16px;font-size:13px;color:#4a4f57;background:#f5f6f8}
~form{display:flex;gap:8px;margin:0;padding:10px;border-top:1px solid #dfe2e6}
~input{flex:1;min-width:0;margin:0;font-size:16px;padding:9px 14px;border:1px solid #8a9099;border-radius:20px;background:#fff}
~send{border:0;border-radius:20px;padding:0 16px;font-size:16px!important;font-weight:600}
@media (max-width:479px){~root{right:12px;bottom:12px}~panel{position:fixed;inset:0;width:auto;height:auto;border-radius:0}}
@media (prefers-reduced-motion:reduce){~root *{animation:none!important}}`.replace(/~/g, '.omnibot-');

const el = (tag, cls, text) => { const e = document.createElement(tag); e.className = cls; if (text != null) e.textContent = text; return e; };
const root = el('div', 'omnibot-root');
root.innerHTML = // static markup
  '<button class="omnibot-launcher" aria-label="Open chat" aria-expanded="false" aria-controls="omnibot-panel">' +
  '<svg width="28" viewBox="0 0 24 24" aria-hidden="true"><path fill="#fff" d="M3 4h18v13H9l-5 4v-4H3z"/></svg></button>' +
  '<div class="omnibot-panel" id="omnibot-panel" role="dialog" hidden><div class="omnibot-header"><div class="omnibot-title"></div>' +
  '<button class="omnibot-close" aria-label="Close chat">\u00d7</button></div><div class="omnibot-status" role="status"></div>' +
  '<div class="omnibot-log" role="log" aria-live="polite" aria-label="Messages" tabindex="0"></div><div class="omnibot-typing" hidden>Typing\u2026</div>' +
  '<form class="omnibot-form"><input class="omnibot-input" aria-label="Type your message" placeholder="Type your message\u2026">' +
  '<button class="omnibot-send">Send</button></form></div>';
const [launcher, panel, title, statusEl, log, typing, input, sendBtn] =
  ['launcher', 'panel', 'title', 'status', 'log', 'typing', 'input', 'send'].map(c => root.querySelector('.omnibot-' + c));
title.textContent = cfg.title;
panel.setAttribute('aria-label', cfg.title);

const list = [], views = new WeakMap();
let actionsRow = null, typingTimer = 0;
const setStatus = msg => { statusEl.textContent = msg || ''; };
const isMine = a => a.from?.role == 'user' || (S.userId && a.from?.id == S.userId);
const setTyping = on => { clearTimeout(typingTimer); typing.hidden = !on; if (on) typingTimer = setTimeout(setTyping, 3000); };

function addView(a) {
  const mine = isMine(a), b = el('div', 'omnibot-msg omnibot-msg-' + (mine ? 'user' : 'bot'));
  b.append(el('span', 'omnibot-sr', mine ? 'You: ' : `${a.from?.name || 'Support'}: `));
  const via = a.channelData?.history?.channelName; // from another channel
  if (typeof via == 'string' && via) b.append(el('div', 'omnibot-via', 'on ' + via));
  if (typeof a.text == 'string') {
    const t = b.appendChild(el('div', 'omnibot-text'));
    if (mine || a.textFormat == 'plain') t.textContent = a.text; else t.innerHTML = renderMarkdown(a.text);
  }
  for (const x of Array.isArray(a.attachments) ? a.attachments : []) {
    const href = safeUrl(x?.contentUrl), name = x?.name;
    if (href && /^image\//i.test(x.contentType)) Object.assign(b.appendChild(el('img', 'omnibot-img')), { src: href, alt: name || 'Image' });
    else if (href) Object.assign(b.appendChild(el('a', 'omnibot-file', name || 'Open attachment')), { href, target: '_blank', rel: 'noopener noreferrer' });
  }
  views.set(a, b.appendChild(el('div', 'omnibot-meta')));
  actionsRow?.remove();
  log.append(b);
  const acts = mine ? null : a.suggestedActions?.actions;
  actionsRow = Array.isArray(acts) && acts.length ? log.appendChild(el('div', 'omnibot-actions')) : null;
  for (const x of actionsRow ? acts : []) {
    if ((x?.title ?? x?.value) == null) continue;
    actionsRow.appendChild(el('button', 'omnibot-action', String(x.title ?? x.value))).onclick = () => {
      if (x.type == 'openUrl') return safeUrl(x.value) && window.open(safeUrl(x.value), '_blank', 'noopener');
      send(typeof x.value == 'string' ? x.value : x.title); // removes this row
      input.focus();
    };
  }
  paint(a);
  log.scrollTop = log.scrollHeight;
}

function paint(a) {
  const meta = views.get(a), failed = a.status == 'failed';
  meta.parentNode.classList.toggle('omnibot-msg-failed', failed);
  meta.textContent = a.status == 'sending' ? 'Sending\u2026' : '';
  if (failed) meta.appendChild(el('button', 'omnibot-retry', 'Not sent \u2014 retry')).onclick = () => { post(a); input.focus(); };
}

function onBatch(b) {
  if (!b) return;
  if (b.error) { setStatus('Reloading the conversation\u2026'); return closeWs(); } // resync from the watermark
  try {
    for (const x of b.activities) {
      if (x?.type == 'typing') { if (!isMine(x)) setTyping(true); continue; }
      const r = mergeActivities(list, [x]);
      for (const a of r.added) { addView(a); if (!isMine(a)) setTyping(false); }
      r.updated.forEach(paint);
    }
  } catch { setStatus("A message couldn't be shown."); }
  const w = nextWatermark(S.watermark, b.watermark);
  if (w !== S.watermark) { S.watermark = w; save(); }
}

/* ---- Connection */

const NET = "Can't reach support. Check your connection. Retrying\u2026", BUSY = 'Support is having trouble. Retrying\u2026';
const fail = (msg, kind) => ({ msg, kind }); // thrown; kind: fatal | gone | retry
const sleep = ms => new Promise(r => setTimeout(r, ms));
const enc = encodeURIComponent, rid = () => Date.now().toString(36) + Math.random().toString(36).slice(2);
const convPath = (tail = '', wm) => `/v3/directline/conversations/${enc(S.conversationId)}${tail}${wm && S.watermark != null ? '?watermark=' + enc(S.watermark) : ''}`;
let ws = null, wsFails = 0, started = null, setReady, renewing = null, refreshTimer = 0, fatal = false;

async function req(method, path, body, auth) { // never throws; status 0: network error
  const headers = {};
  if (body) headers['Content-Type'] = 'application/json';
  if (auth) headers.Authorization = 'Bearer ' + S.token;
  let r;
  try { r = await fetch(base + path, { method, headers, body: body && JSON.stringify(body), signal: AbortSignal.timeout?.(20000) }); } catch { return { status: 0 }; }
  try { const t = await r.text(), data = Object(t ? JSON.parse(t) : {}); return { status: r.status, ok: r.ok, data }; } catch { return { status: r.status }; }
}

async function getToken(resume, again) { // -> true when it resumed the stored conversation
  const body = tokenRequest(S, resume, cfg.userToken), r = await req('POST', '/api/webchat/token', body), d = r.data;
  if (r.status == 403) throw fail("This website isn't allowed to use this chat.", 'fatal');
  if (r.status >= 400 && r.status < 408 && body.resume) // not resumable, unless another tab rotated the secret
    return getToken(!again && r.status == 401 && (load(), S.resumeSecret != body.resumeSecret), true);
  if (r.status == 401 && body.userToken) throw fail("We couldn't confirm who you are. Please sign in again.", 'fatal');
  if (!r.ok || typeof d.token != 'string' || typeof d.conversationId != 'string') throw fail(r.status ? BUSY : NET, 'retry');
  const same = !!body.resume && d.conversationId === S.conversationId;
  if (!same) S.watermark = null;
  Object.assign(S, { token: d.token, conversationId: d.conversationId, userId: String(d.userId || S.userId || 'dl_' + rid()), resumeSecret: d.resumeSecret ?? null });
  save();
  refreshIn(d.expires_in);
  return same;
}

// Bearer; 401 or 403 TokenExpired renews it, once.
async function auth(method, path, body, again) {
  const r = await req(method, path, body, true);
  if (r.ok) return r.data;
  if (!again && (r.status == 401 || r.data?.error?.code == 'TokenExpired')) { await renew(); return auth(method, path, body, true); }
  throw fail(r.status ? BUSY : NET, [401, 403, 404].includes(r.status) ? 'gone' : 'retry');
}

// Refresh; if expired, a token resuming the conversation.
const renew = () => renewing || (renewing = (async () => {
  try {
    const r = await req('POST', '/v3/directline/tokens/refresh', null, true), before = S.conversationId;
    if (r.ok && typeof r.data.token == 'string') { S.token = r.data.token; save(); return refreshIn(r.data.expires_in); }
    await getToken(true);
    if (S.conversationId != before) closeWs(); // a new conversation: the loop streams it
  } finally { renewing = null; }
})());

function refreshIn(sec) { // at half the token's lifetime
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => renew().catch(e => (e?.kind == 'fatal' ? stop(e.msg) : refreshIn(60))),
    Math.max(1000, Math.min((+sec || 1800) * 500, 2e9)));
}

function stop(msg) {
  fatal = true; closeWs(); clearTimeout(refreshTimer);
  setStatus(msg);
  input.disabled = sendBtn.disabled = true;
  setReady?.(false);
}
const forget = () => { S.token = S.conversationId = S.watermark = S.resumeSecret = null; save(); };
const closeWs = () => { const s = ws; ws = null; try { s?.close(); } catch { /* closed */ } };

// Resolves on close: how long it was open (0: never).
const socket = url => new Promise(done => {
  let t0 = 0, s;
  try { s = ws = new WebSocket(url); } catch { return done(0); }
  s.onopen = () => { t0 = Date.now(); setStatus(''); };
  s.onmessage = e => onBatch(parseFrame(e.data));
  s.onclose = () => { if (ws == s) ws = null; done(t0 && Date.now() - t0); };
});

// Token (a resume replays the history), socket till it closes (3 never open: poll), back off, then
// GET the conversation with our watermark: a stream after it.
async function connect() {
  for (let n = 0, fresh = true; !fatal; await sleep(backoffDelay(n++))) {
    try {
      let conv;
      if (fresh || !S.token) {
        const resumed = await getToken(!!S.token);
        if (resumed) S.watermark = null;
        conv = await (resumed ? auth('GET', convPath()) : auth('POST', '/v3/directline/conversations', {}));
      } else conv = await auth('GET', convPath('', true));
      fresh = false;
      setReady(true);
      S.token = conv.token || S.token;
      save();
      if (conv.expires_in) refreshIn(conv.expires_in);
      if (wsFails > 2 || !/^wss?:/i.test(conv.streamUrl)) {
        for (; !fatal; await sleep(1500)) { onBatch(parseFrame(await auth('GET', convPath('/activities', true)))); n = 0; setStatus(''); }
      } else {
        const up = await socket(conv.streamUrl);
        wsFails = up ? 0 : wsFails + 1;
        if (up > 10000) n = 0;
        if (n) setStatus('Reconnecting\u2026');
      }
    } catch (e) {
      if (e.kind == 'fatal') stop(e.msg);
      else if (e.kind == 'gone') forget();
      else setStatus(e.msg || BUSY);
    }
  }
}
const start = () => started || (started = new Promise(r => { setReady = r; connect(); }));

function send(text) {
  text = String(text ?? '').trim();
  if (!text || fatal) return false;
  const a = { type: 'message', from: { id: S.userId, role: 'user' }, text, channelData: { clientActivityID: 'omnibot-' + rid() }, status: 'sending' };
  mergeActivities(list, [a]);
  addView(a);
  post(a);
  return true;
}

// Retries keep the clientActivityID: processed once.
async function post(a) {
  a.status = 'sending';
  paint(a);
  if (await start()) for (let n = 0; a.status != 'sent'; n++) {
    try {
      await auth('POST', convPath('/activities'), { type: 'message', from: { id: S.userId }, text: a.text, locale, channelData: { clientActivityID: cidOf(a) } });
      a.status = 'sent';
    } catch (e) {
      if (e.kind == 'fatal') stop(e.msg);
      if (e.kind == 'gone') { forget(); closeWs(); } // the loop starts a new conversation
      if (e.kind != 'retry' || n > 2) break;
      await sleep(backoffDelay(n));
    }
  }
  if (a.status != 'sent') a.status = 'failed';
  paint(a);
}

function open(focus) {
  panel.hidden = false;
  launcher.setAttribute('aria-expanded', 'true');
  log.scrollTop = log.scrollHeight;
  if (focus !== false) input.focus();
  start();
}
function close() {
  if (panel.hidden) return;
  const inside = panel.contains(document.activeElement);
  panel.hidden = true;
  launcher.setAttribute('aria-expanded', 'false');
  if (inside) launcher.focus();
}

launcher.onclick = () => (panel.hidden ? open() : close());
root.querySelector('.omnibot-close').onclick = close;
root.addEventListener('keydown', e => { if (e.key == 'Escape' && !panel.hidden) { e.preventDefault(); close(); launcher.focus(); } });
root.querySelector('form').onsubmit = e => { e.preventDefault(); if (send(input.value)) input.value = ''; input.focus(); };

window.OmnibotWebChat = Object.assign(Object(window.OmnibotWebChat), { loaded: true, open: () => open(), close, send });

function mount() {
  document.head.append(el('style', '', CSS));
  document.body.append(root);
  if (cfg.open) open(false);
  else if (S.token) start(); // resume now: the history is there when opened
}
if (document.body) mount(); else addEventListener('DOMContentLoaded', mount);
})();
