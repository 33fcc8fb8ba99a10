// Request page: keeps the execution status current while the request waits for or is in execution,
// and loads the before/after view. Reloads the page once the request has finished, so the whole
// page (outcome, buttons) shows the new state.
(function () {
  var panel = document.querySelector('[data-execution]');
  if (!panel) {
    return;
  }
  var base = panel.getAttribute('data-execution');
  var badge = panel.querySelector('[data-execution-status]');
  var details = panel.querySelector('[data-execution-details]');
  var running = { PENDING: false, APPROVED: true, EXECUTING: true };
  var initial = panel.getAttribute('data-status');

  function loadDetails() {
    fetch(base + '/before-after', { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (html) { if (html) { details.innerHTML = html; } });
  }

  function poll() {
    fetch(base + '/status', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) {
          return;
        }
        badge.textContent = s.status;
        var pageBadge = document.getElementById('request-status');
        if (pageBadge) {
          pageBadge.textContent = s.status;
        }
        if (s.running) {
          setTimeout(poll, 2000);
        } else if (running[initial]) {
          window.location.reload();
        }
      })
      .catch(function () { setTimeout(poll, 5000); });
  }

  loadDetails();
  if (running[initial]) {
    setTimeout(poll, 2000);
  }
})();
