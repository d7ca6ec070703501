// The Network page's live parts. A file rather than an inline script: the console's Content-Security-Policy allows
// no inline code.
//
// Push: the page reads the network's event stream (/api/network/events, with this login's session) and, on any
// change of an exchange (a death at its lease's expiry, a state change, a takeover), refreshes the cards at once.
// The body's data-push tells where it stands: live, reconnecting, off (the poll alone) or paused (tab hidden).
// Polling stays on as the fallback, and pauses while the tab is hidden like the stream does.
(function () {
  var holder = document.getElementById('push');
  var source = null;
  var retry = null;
  var pending = null;
  var backoff = 3000;

  function status(value) {
    document.body.setAttribute('data-push', value);
  }

  // Changes often come in bursts (a takeover is a death, a claim and three state changes): one refresh for each.
  function refresh() {
    if (pending) return;
    pending = window.setTimeout(function () {
      pending = null;
      if (typeof window.refreshCards === 'function') window.refreshCards();
    }, 50);
  }

  function open() {
    if (!holder || !window.EventSource || source || document.hidden) return;
    var first = true;
    source = new EventSource(holder.getAttribute('data-events'));
    source.addEventListener('open', function () { backoff = 3000; status('live'); });
    // The first picture is what the page already shows; a later one (a resume the server could not replay) may not be.
    source.addEventListener('network', function () { if (first) { first = false; } else { refresh(); } });
    source.addEventListener('exchange', refresh);
    source.addEventListener('error', function () {
      if (source && source.readyState === EventSource.CLOSED) {
        // Refused (a logged-out session gets 401) or gone: try again later; the poll goes on meanwhile.
        source = null;
        status('off');
        retry = window.setTimeout(function () { retry = null; open(); }, backoff);
        backoff = Math.min(backoff * 2, 60000);
      } else {
        status('reconnecting'); // the browser reconnects by itself, with Last-Event-ID
      }
    });
  }

  function close() {
    if (retry) { window.clearTimeout(retry); retry = null; }
    if (source) { source.close(); source = null; }
    status('paused');
  }

  document.addEventListener('visibilitychange', function () {
    ['cardsPoll', 'activityPoll'].forEach(function (name) {
      var poll = window.PF && PF(name);
      if (!poll) return;
      if (document.hidden) { poll.stop(); } else { poll.start(); }
    });
    if (document.hidden) { close(); } else { open(); refresh(); }
  });

  if (holder) { status('off'); open(); }
})();

// A refresh replaces the cards, and with them the element that had the keyboard's focus. PrimeFaces gives the focus
// back to the element with the same id, but a card's ids go by its position: when an exchange joins or leaves the
// network above it, the focus would land on another exchange's button (Enter on "Stop" would then ask to stop the
// wrong exchange). The poll and the push refresh call remember() before they send and restore() once the new cards
// are in: the same control of the same exchange gets the focus back, unless the person has moved it meanwhile.
window.PerseusFocus = (function () {
  var kept = null;

  // A click or a key between the request and its answer is the person's own move: leave the focus where it goes.
  ['mousedown', 'keydown', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, function () { kept = null; }, true);
  });

  function kindOf(el) {
    for (var i = 0; i < el.classList.length; i++) {
      var c = el.classList[i];
      if (c.indexOf('control-') === 0 && c !== 'control-button') return c;
    }
    return el.closest('.card-exchange') ? 'card-exchange' : null;
  }

  function exchangeOf(el) {
    var card = el && el.closest ? el.closest('.perseus-card[data-exchange]') : null;
    return card ? card.getAttribute('data-exchange') : null;
  }

  function find(card, kind) {
    if (kind === 'card-exchange') return card.querySelector('.card-exchange a');
    return card.getElementsByClassName(kind)[0] || null;
  }

  function remember() {
    var el = document.activeElement;
    var exchange = exchangeOf(el);
    var kind = exchange ? kindOf(el) : null;
    kept = kind ? { exchange: exchange, kind: kind, id: el.id } : null;
  }

  function restore() {
    var want = kept;
    kept = null;
    if (!want) return;
    var now = document.activeElement;
    var lost = !now || now === document.body || !document.contains(now);
    var movedByPosition = !lost && now.id === want.id && exchangeOf(now) !== want.exchange;
    if (!lost && !movedByPosition) return;
    var cards = document.querySelectorAll('.perseus-card[data-exchange]');
    for (var i = 0; i < cards.length; i++) {
      if (cards[i].getAttribute('data-exchange') !== want.exchange) continue;
      var target = find(cards[i], want.kind);
      if (target) {
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: 'nearest' });
        return;
      }
      break;
    }
    if (movedByPosition) now.blur(); // the control is gone: better no focus than another exchange's
  }

  // Called from PrimeFaces' onstart/oncomplete: an error here must never stop the page's requests.
  function safely(f) {
    return function () {
      try { f(); } catch (e) { kept = null; }
    };
  }

  return { remember: safely(remember), restore: safely(restore) };
})();
