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
