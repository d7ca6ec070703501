// Polling pauses while the tab is hidden and resumes (with an immediate refresh) when it is shown.
// A file rather than an inline script: the console's Content-Security-Policy allows no inline code.
document.addEventListener('visibilitychange', function () {
  ['cardsPoll', 'activityPoll'].forEach(function (name) {
    var poll = window.PF && PF(name);
    if (!poll) return;
    if (document.hidden) { poll.stop(); } else { poll.start(); }
  });
});
