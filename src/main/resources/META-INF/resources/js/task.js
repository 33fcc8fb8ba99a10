// TASK request page: loads the task panel and reloads it every 2 s until the task has finished.
(function () {
  var panel = document.querySelector('[data-task]');
  if (!panel) {
    return;
  }
  var url = panel.getAttribute('data-task');
  var body = panel.querySelector('[data-task-body]');

  function load() {
    fetch(url, { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (html) {
        if (html) {
          body.innerHTML = html;
        }
        var state = body.querySelector('[data-task-finished]');
        if (!state || state.getAttribute('data-task-finished') !== 'true') {
          setTimeout(load, 2000);
        }
      })
      .catch(function () { setTimeout(load, 5000); });
  }

  load();
})();
