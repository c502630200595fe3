/*
 * Agent workspace (plain JS, no framework, no CDN). Talks to /api/agent/* and listens to /api/agent/events
 * (server-sent events: "ticket", "message", "note"). Customer text is only ever set with textContent.
 *
 * Stable element ids (each also has data-testid with the same value), for browser tests:
 *   header:   agent-name, sign-out, connection-status (text "live" when the event stream is open)
 *   sidebar:  mine, queues, assigned, queues-error
 *             each queue: <section data-testid="queue" data-queue="NAME">, its list data-testid="queue-tickets"
 *             each ticket: <li data-testid="ticket-item" data-ticket-id="N" data-status="Queued|Assigned">
 *               holding <button data-testid="ticket-open"> (customer: name or verified contact, never a conversation id;
 *               priority badge, channel, waiting time, reason; data-testid="ticket-contacts": verified phone numbers and
 *               emails and the channels used, most recent first)
 *   ticket:   ticket-empty (shown when none selected), ticket, ticket-title, ticket-status, ticket-priority
 *   actions:  claim, transfer-queue (select), transfer, resolve, return-to-bot, action-error
 *   packet:   packet, packet-summary, packet-customer, packet-identities (verified ones: items data-testid="packet-identity"
 *             data-provenance=...; then the other keys), packet-channels
 *             (items data-testid="packet-channel" data-channel=...), packet-routing, packet-priority, packet-intent,
 *             packet-entities (items data-testid="packet-entity" data-kind="order_number|email|phone|amount"),
 *             packet-sentiment, packet-dialog, packet-answers (items data-testid="packet-answer")
 *   transcript: transcript (items data-testid="transcript-message" data-from="customer|bot|agent" data-channel=...,
 *             the text in data-testid="message-text"; bot and agent messages once sent: data-testid="message-delivery"
 *             data-status="sent|delivered|read|failed", failures with the provider's code and words)
 *   reply:    reply-form, reply-target, reply-text, reply-submit, reply-error (the desk's message when a reply fails)
 *   template: template-form (shown to the ticket's agent when the reply window has closed on a channel with templates:
 *             reply.problemKind "ReplyWindowClosed" and reply.canSendTemplate), template-name, template-language,
 *             template-parameters (one a line, or comma separated), template-submit, template-error
 *   notes:    notes (items data-testid="note"), note-form, note-text, note-submit, note-error
 */
(function () {
  'use strict';

  var state = {
    agent: null,
    queues: [],
    selectedId: null,
    detail: null,
    clockOffset: 0,
    events: null,
    reloadTimer: null
  };

  function $(id) { return document.getElementById(id); }

  function el(tag, options, children) {
    var node = document.createElement(tag);
    options = options || {};
    if (options.className) { node.className = options.className; }
    if (options.text !== undefined && options.text !== null) { node.textContent = String(options.text); }
    if (options.testid) { node.setAttribute('data-testid', options.testid); }
    if (options.attrs) {
      Object.keys(options.attrs).forEach(function (name) { node.setAttribute(name, options.attrs[name]); });
    }
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function api(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { 'X-Requested-With': 'omnibot-agent' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      if (response.status === 401) {
        window.location.assign('/agent/login');
        return new Promise(function () {});
      }
      var type = response.headers.get('Content-Type') || '';
      var parsed = type.indexOf('application/json') >= 0 ? response.json() : Promise.resolve(null);
      return parsed.then(function (json) {
        if (!response.ok) {
          var error = new Error((json && json.error) || ('The server answered HTTP ' + response.status + '.'));
          error.status = response.status;
          throw error;
        }
        return json;
      });
    }, function () {
      throw new Error('The server cannot be reached; check the connection.');
    });
  }

  function now() { return Date.now() + state.clockOffset; }

  function waited(since) {
    var seconds = Math.max(0, Math.round((now() - new Date(since).getTime()) / 1000));
    if (seconds < 60) { return seconds + 's'; }
    var minutes = Math.floor(seconds / 60);
    if (minutes < 60) { return minutes + ' min'; }
    var hours = Math.floor(minutes / 60);
    return hours + ' h ' + (minutes % 60) + ' min';
  }

  function time(value) {
    if (!value) { return ''; }
    var date = new Date(value);
    return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  function priorityBadge(priority, testid) {
    return el('span', { className: 'badge priority-' + priority, text: priority, testid: testid });
  }

  function isMine(ticket) {
    return !!(state.agent && ticket.agentId && ticket.agentId.toLowerCase() === state.agent.id.toLowerCase());
  }

  /* ---------- sidebar ---------- */

  /* Queued: how long it has waited in the queue; assigned: how long since the customer last wrote. */
  function waitingLabel(ticket) {
    var assigned = ticket.status === 'Assigned' && ticket.lastCustomerMessageAt;
    var since = assigned ? ticket.lastCustomerMessageAt : ticket.queuedAt;
    var prefix = assigned ? 'customer wrote ' : 'waiting ';
    return el('span', { className: 'muted waiting', testid: 'ticket-waiting', text: prefix + waited(since) + (assigned ? ' ago' : ''), attrs: { 'data-since': since, 'data-prefix': prefix, 'data-suffix': assigned ? ' ago' : '' } });
  }

  function ticketItem(ticket) {
    var button = el('button', { className: 'ticket-button', testid: 'ticket-open', attrs: { type: 'button' } }, [
      el('span', { className: 'ticket-line' }, [
        el('span', { className: 'ticket-customer', text: ticket.customer }),
        priorityBadge(ticket.priority),
        el('span', { className: 'badge channel', text: ticket.channel }),
        waitingLabel(ticket)
      ]),
      el('span', { className: 'ticket-reason', text: '#' + ticket.id + ' · ' + ticket.reason + (ticket.agentId && !isMine(ticket) ? ' · with ' + ticket.agentId : '') }),
      el('span', { className: 'muted ticket-contacts', testid: 'ticket-contacts', text: (ticket.verifiedContacts || []).concat((ticket.channels || []).length ? ['used ' + ticket.channels.join(', ')] : []).join(' · ') })
    ]);
    if (ticket.id === state.selectedId) { button.setAttribute('aria-current', 'true'); }
    button.addEventListener('click', function () { select(ticket.id); });
    return el('li', { testid: 'ticket-item', attrs: { 'data-ticket-id': String(ticket.id), 'data-status': ticket.status } }, [button]);
  }

  function fillList(list, tickets, emptyText) {
    clear(list);
    if (tickets.length === 0) {
      list.appendChild(el('li', { className: 'muted', text: emptyText }));
      return;
    }
    tickets.forEach(function (ticket) { list.appendChild(ticketItem(ticket)); });
  }

  function renderQueues(view) {
    state.agent = view.agent;
    state.queues = view.queues.map(function (q) { return q.name; });
    state.clockOffset = new Date(view.now).getTime() - Date.now();
    $('agent-name').textContent = view.agent.name;
    fillList($('mine'), view.mine, 'Nothing claimed.');
    fillList($('assigned'), view.assigned, 'None.');
    var container = $('queues');
    clear(container);
    view.queues.forEach(function (queue) {
      var titleId = 'queue-title-' + container.childElementCount;
      var list = el('ul', { className: 'tickets', testid: 'queue-tickets' });
      fillList(list, queue.tickets, 'Empty.');
      container.appendChild(el('section', { testid: 'queue', attrs: { 'data-queue': queue.name, 'aria-labelledby': titleId } }, [
        el('h2', { attrs: { id: titleId } }, [
          el('span', { text: queue.name + (queue.works ? '' : ' (not your queue)') }),
          el('span', { className: 'muted', text: String(queue.tickets.length) })
        ]),
        list
      ]));
    });
    renderTransferOptions();
  }

  function loadQueues() {
    return api('GET', '/api/agent/queues').then(function (view) {
      $('queues-error').textContent = '';
      renderQueues(view);
    }, function (error) {
      $('queues-error').textContent = error.message;
    });
  }

  /* ---------- ticket ---------- */

  function select(id) {
    state.selectedId = id;
    $('action-error').textContent = '';
    $('reply-error').textContent = '';
    $('note-error').textContent = '';
    document.querySelectorAll('.ticket-button[aria-current]').forEach(function (b) { b.removeAttribute('aria-current'); });
    document.querySelectorAll('[data-testid="ticket-item"][data-ticket-id="' + id + '"] .ticket-button').forEach(function (b) {
      b.setAttribute('aria-current', 'true');
    });
    return loadTicket();
  }

  function loadTicket() {
    var id = state.selectedId;
    if (id === null) { return Promise.resolve(); }
    return api('GET', '/api/agent/tickets/' + id).then(function (detail) {
      if (state.selectedId === id) { renderTicket(detail); }
    }, function (error) {
      if (state.selectedId === id) { $('action-error').textContent = error.message; }
    });
  }

  function renderTransferOptions() {
    var picker = $('transfer-queue');
    var current = state.detail ? state.detail.ticket.queue : null;
    var chosen = picker.value;
    clear(picker);
    state.queues.forEach(function (name) {
      if (name !== current) { picker.appendChild(el('option', { text: name, attrs: { value: name } })); }
    });
    if (chosen) { picker.value = chosen; }
  }

  function renderTicket(detail) {
    state.detail = detail;
    var ticket = detail.ticket;
    $('ticket-empty').hidden = true;
    $('ticket').hidden = false;
    $('ticket').setAttribute('data-ticket-id', String(ticket.id));
    $('ticket-title').textContent = '#' + ticket.id + ' · ' + ticket.customer + ' · ' + ticket.queue;
    $('ticket-status').textContent = ticket.status + (ticket.agentId ? ' (' + ticket.agentId + ')' : '');
    var priority = $('ticket-priority');
    priority.textContent = ticket.priority;
    priority.className = 'badge priority-' + ticket.priority;

    var open = ticket.status === 'Queued' || ticket.status === 'Assigned';
    var mine = ticket.status === 'Assigned' && isMine(ticket);
    $('claim').disabled = ticket.status !== 'Queued';
    $('transfer').disabled = !open || (ticket.status === 'Assigned' && !mine);
    $('transfer-queue').disabled = $('transfer').disabled;
    $('resolve').disabled = !mine;
    $('return-to-bot').disabled = !mine;
    $('reply-submit').disabled = !mine;
    $('template-submit').disabled = !mine;
    $('reply-text').disabled = !mine;
    $('note-submit').disabled = !open;
    renderTransferOptions();

    var target = $('reply-target');
    target.className = detail.reply.canReply ? 'hint' : 'hint warn';
    target.textContent = detail.reply.canReply
      ? '(via ' + detail.reply.channel + ')'
      : '(via ' + detail.reply.channel + ': ' + (detail.reply.problem || 'the channel cannot take a reply now') + ')';
    if (!mine && open) {
      target.textContent += ticket.status === 'Queued' ? ' Claim the conversation to reply.' : ' Another agent has this conversation.';
    }
    $('template-form').hidden = !(mine && detail.reply.problemKind === 'ReplyWindowClosed' && detail.reply.canSendTemplate);

    renderPacket(detail.packet);
    renderTranscript(detail.transcript);
    renderNotes(detail.notes);
  }

  function renderPacket(packet) {
    $('packet-summary').textContent = packet.summary || 'No summary.';

    var customer = $('packet-customer');
    clear(customer);
    customer.appendChild(el('strong', { text: packet.customer.displayName || packet.customer.name || packet.customer.id }));
    if (packet.customer.tier) { customer.appendChild(el('span', { className: 'badge', text: packet.customer.tier })); }
    customer.appendChild(el('span', { className: 'muted', text: ' id ' + packet.customer.id }));

    var identities = $('packet-identities');
    clear(identities);
    var verified = packet.customer.verifiedIdentities || [];
    verified.forEach(function (identity) {
      identities.appendChild(el('li', { testid: 'packet-identity', attrs: { 'data-provenance': identity.provenance }, text: identity.value + ' (' + identity.kind + ', ' + identity.provenance + (identity.vouchedBy ? ' via ' + identity.vouchedBy : '') + ')' }));
    });
    var shown = verified.map(function (identity) { return identity.key; });
    packet.customer.identities.forEach(function (identity) {
      if (shown.indexOf(identity) < 0) { identities.appendChild(el('li', { className: 'muted', text: identity })); }
    });

    var channels = $('packet-channels');
    clear(channels);
    packet.channels.forEach(function (channel) {
      var reach = channel.optedOut
        ? el('span', { className: 'warn', text: 'opted out' })
        : channel.replyWindowOpen
          ? el('span', { className: 'ok', text: channel.replyWindowClosesAt ? 'reply window open until ' + time(channel.replyWindowClosesAt) : 'can reply' })
          : el('span', { className: 'warn', text: 'reply window closed' });
      channels.appendChild(el('li', { testid: 'packet-channel', attrs: { 'data-channel': channel.channel } }, [
        el('span', { className: 'badge channel', text: channel.channel }),
        el('span', { text: channel.current ? ' current · ' : ' ' }),
        reach,
        el('span', { className: 'muted', text: channel.lastCustomerMessageAt ? ' · last message ' + time(channel.lastCustomerMessageAt) : '' })
      ]));
    });

    var routing = packet.routing;
    $('packet-routing').textContent = routing.reason
      + (routing.rule ? ' — rule "' + routing.rule + '"' + (routing.ruleSource ? ' (' + routing.ruleSource + ')' : '') : '')
      + ' → queue ' + routing.queue;
    var priority = $('packet-priority');
    clear(priority);
    priority.appendChild(priorityBadge(routing.priority));

    $('packet-intent').textContent = packet.intent
      ? packet.intent.name + (packet.intent.confidence !== null && packet.intent.confidence !== undefined ? ' (' + Math.round(packet.intent.confidence * 100) + '%)' : '')
      : 'Not understood.';

    var entities = $('packet-entities');
    clear(entities);
    if (packet.entities.length === 0) { entities.appendChild(el('li', { className: 'muted', text: 'None.' })); }
    packet.entities.forEach(function (entity) {
      entities.appendChild(el('li', { testid: 'packet-entity', attrs: { 'data-kind': entity.kind } }, [
        el('span', { className: 'muted', text: entity.kind.replace(/_/g, ' ') + ': ' }),
        el('strong', { text: entity.value }),
        el('span', { className: 'muted', text: entity.text && entity.text !== entity.value ? ' (typed "' + entity.text + '")' : '' })
      ]));
    });

    var sentiment = packet.sentiment;
    $('packet-sentiment').textContent = sentiment.trend
      + (sentiment.last !== null && sentiment.last !== undefined ? ', last ' + sentiment.last.toFixed(2) : '')
      + (sentiment.points.length ? ' (' + sentiment.points.map(function (p) { return p.score.toFixed(1); }).join(' → ') + ')' : '');

    var dialog = packet.dialog;
    $('packet-dialog').textContent = dialog
      ? (dialog.stack && dialog.stack.length ? dialog.stack.join(' › ') + ' › ' : '') + dialog.dialog + ' › step ' + dialog.step
      : 'No dialog was under way.';

    var answers = $('packet-answers');
    clear(answers);
    if (packet.botAnswers.length === 0) { answers.appendChild(el('li', { className: 'muted', text: 'The bot gave no knowledge answers.' })); }
    packet.botAnswers.forEach(function (answer) {
      var sources = el('ul', { className: 'inline-list' });
      answer.sources.forEach(function (source) {
        sources.appendChild(el('li', { text: source.title + ' [' + source.articleId + '] ' + source.score.toFixed(2) }));
      });
      answers.appendChild(el('li', { testid: 'packet-answer' }, [
        el('div', {}, [
          el('span', { text: '“' + answer.question + '” ' }),
          el('span', { className: answer.answered ? 'ok' : 'warn', text: answer.answered ? 'answered' : 'not answered' }),
          el('span', { className: 'muted', text: answer.confidence !== null && answer.confidence !== undefined ? ' · confidence ' + answer.confidence.toFixed(2) : '' })
        ]),
        sources
      ]));
    });
  }

  /* How far a bot or agent message got, as the customer's provider reported it. */
  function deliveryLabel(delivery) {
    if (!delivery) { return null; }
    var status = String(delivery.status).toLowerCase();
    var failed = status === 'failed';
    var text = status + (failed && delivery.errorCode ? ' (' + delivery.errorCode + ')' : '') + (failed && delivery.errorMessage ? ': ' + delivery.errorMessage : '');
    return el('span', {
      className: 'delivery' + (failed ? ' warn' : ''),
      testid: 'message-delivery',
      text: text,
      attrs: { 'data-status': status, title: status + ' ' + time(delivery.at) }
    });
  }

  function messageItem(message) {
    var who = message.from === 'agent' ? 'Agent' + (message.agentId ? ' ' + message.agentId : '') : message.from === 'bot' ? 'Bot' : 'Customer';
    var children = [
      el('div', { className: 'message-meta' }, [
        el('span', { text: who }),
        el('span', { className: 'badge channel', text: message.channel }),
        el('time', { text: time(message.at), attrs: { datetime: message.at } }),
        deliveryLabel(message.delivery)
      ]),
      el('div', { className: 'message-text', testid: 'message-text', text: message.text || '' })
    ];
    if (message.choices && message.choices.length) {
      children.push(el('div', { className: 'muted', text: 'Choices: ' + message.choices.join(' · ') }));
    }
    if (message.attachments && message.attachments.length) {
      children.push(el('div', { className: 'muted', text: 'Attachments: ' + message.attachments.join(', ') }));
    }
    return el('li', { className: 'from-' + message.from, testid: 'transcript-message', attrs: { 'data-from': message.from, 'data-channel': message.channel } }, children);
  }

  function renderTranscript(messages) {
    var list = $('transcript');
    clear(list);
    messages.forEach(function (message) { list.appendChild(messageItem(message)); });
    var pane = $('ticket-pane');
    pane.scrollTop = pane.scrollHeight;
  }

  function noteItem(note) {
    return el('li', { testid: 'note', attrs: { 'data-note-id': String(note.id) } }, [
      el('div', { className: 'message-meta' }, [el('span', { text: note.agentId }), el('time', { text: time(note.at), attrs: { datetime: note.at } })]),
      el('div', { text: note.text })
    ]);
  }

  function renderNotes(notes) {
    var list = $('notes');
    clear(list);
    notes.forEach(function (note) { list.appendChild(noteItem(note)); });
  }

  /* ---------- actions ---------- */

  function act(path, body, errorBox, button) {
    var id = state.selectedId;
    if (id === null) { return Promise.resolve(false); }
    errorBox.textContent = '';
    if (button) { button.disabled = true; }
    return api('POST', '/api/agent/tickets/' + id + '/' + path, body).then(function () {
      return Promise.all([loadQueues(), loadTicket()]).then(function () { return true; });
    }, function (error) {
      errorBox.textContent = error.message;
      if (button) { button.disabled = false; }
      return false;
    });
  }

  function wire() {
    $('claim').addEventListener('click', function () { act('claim', undefined, $('action-error'), $('claim')); });
    $('resolve').addEventListener('click', function () { act('resolve', undefined, $('action-error'), $('resolve')); });
    $('return-to-bot').addEventListener('click', function () { act('return', undefined, $('action-error'), $('return-to-bot')); });
    $('transfer').addEventListener('click', function () {
      var queue = $('transfer-queue').value;
      if (!queue) { $('action-error').textContent = 'There is no other queue to transfer to.'; return; }
      act('transfer', { queue: queue }, $('action-error'), $('transfer'));
    });
    $('reply-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var text = $('reply-text').value;
      if (!text.trim()) { $('reply-error').textContent = 'Write a reply first.'; return; }
      act('reply', { text: text }, $('reply-error'), $('reply-submit')).then(function (ok) { if (ok) { $('reply-text').value = ''; } });
    });
    $('template-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var name = $('template-name').value.trim();
      var language = $('template-language').value.trim();
      if (!name || !language) { $('template-error').textContent = 'Give the template name and its language code.'; return; }
      var parameters = $('template-parameters').value.split(/[\n,]/).map(function (p) { return p.trim(); }).filter(function (p) { return p; });
      act('template', { name: name, language: language, parameters: parameters }, $('template-error'), $('template-submit'))
        .then(function (ok) { if (ok) { $('template-parameters').value = ''; } });
    });
    $('reply-text').addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { $('reply-form').requestSubmit(); }
    });
    $('note-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var text = $('note-text').value;
      if (!text.trim()) { $('note-error').textContent = 'Write a note first.'; return; }
      act('notes', { text: text }, $('note-error'), $('note-submit')).then(function (ok) { if (ok) { $('note-text').value = ''; } });
    });
    $('sign-out').addEventListener('click', function () {
      if (state.events) { state.events.close(); }
      api('DELETE', '/api/agent/session').then(function () { window.location.assign('/agent/login'); }, function () { window.location.assign('/agent/login'); });
    });
  }

  /* ---------- live updates ---------- */

  function scheduleReload(ticketToo) {
    if (state.reloadTimer) { clearTimeout(state.reloadTimer); }
    state.reloadTimer = setTimeout(function () {
      state.reloadTimer = null;
      loadQueues();
      if (ticketToo) { loadTicket(); }
    }, 150);
  }

  function setStatus(text, className) {
    var status = $('connection-status');
    status.textContent = text;
    status.className = 'status ' + className;
  }

  function connect() {
    var source = new EventSource('/api/agent/events');
    state.events = source;
    source.addEventListener('open', function () {
      setStatus('live', 'live');
      scheduleReload(true);
    });
    source.addEventListener('error', function () {
      setStatus(source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…', 'down');
      if (source.readyState === EventSource.CLOSED) {
        // The server refused the stream (signed out or expired): the API call below sends us to the sign-in page.
        setTimeout(function () { loadQueues().then(connect); }, 3000);
      }
    });
    source.addEventListener('ticket', function (event) {
      var data = JSON.parse(event.data);
      scheduleReload(data.ticketId === state.selectedId);
    });
    source.addEventListener('message', function (event) {
      // A new transcript message: reload (rather than append) so a reply the page also reloads after is not shown twice.
      var data = JSON.parse(event.data);
      scheduleReload(data.ticketId === state.selectedId);
    });
    source.addEventListener('note', function (event) {
      var data = JSON.parse(event.data);
      if (data.ticketId === state.selectedId && data.note && !document.querySelector('[data-note-id="' + data.note.id + '"]')) {
        $('notes').appendChild(noteItem(data.note));
      }
    });
    source.addEventListener('signedout', function () {
      source.close();
      window.location.assign('/agent/login');
    });
  }

  function tick() {
    document.querySelectorAll('.waiting[data-since]').forEach(function (node) {
      node.textContent = node.getAttribute('data-prefix') + waited(node.getAttribute('data-since')) + node.getAttribute('data-suffix');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    wire();
    loadQueues().then(function () {
      var wanted = /^#ticket-(\d+)$/.exec(window.location.hash);
      if (wanted) { select(Number(wanted[1])); }
    });
    connect();
    setInterval(tick, 15000);
  });
}());
