// Teams host emulator (demo only): the page state and controls around the framed LearnFit tab. The
// postMessage protocol lives in host-protocol.js. Both are plain scripts loaded before the frame is parsed,
// so the message listener is in place when the tab sends "initialize".
'use strict';

(function hostEmulator() {
  const protocol = window.LearnFitHostProtocol;
  const tabPath = '/tab/index.html';
  const themes = ['default', 'dark', 'contrast'];
  const contexts = ['personal', 'channel', 'config'];
  const maxLogEntries = 200;

  const query = new URLSearchParams(window.location.search);
  const pick = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);
  const state = {
    tenantId: null,
    tenantName: '',
    personas: [],
    team: null,
    personaKey: query.get('persona') || 'learner',
    theme: pick(query.get('theme'), themes, 'default'),
    context: pick(query.get('context'), contexts, 'personal'),
    sso: 'grant',
    // Bumped on every tab load so that answers to a previous page are dropped.
    load: 0,
    appSessionId: crypto.randomUUID(),
    valid: false,
    savedSettings: null,
  };

  let directoryLoaded;
  const directoryReady = new Promise((resolve) => {
    directoryLoaded = resolve;
  });

  const byId = (id) => document.getElementById(id);
  const frame = () => byId('tab-frame');

  function log(direction, text, level) {
    const list = byId('call-log');
    if (!list) return;
    const item = document.createElement('li');
    if (level) item.className = `log-${level}`;
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString('en-GB');
    const arrow = document.createElement('span');
    arrow.className = 'log-direction';
    arrow.textContent = direction === 'in' ? 'tab → host' : 'host → tab';
    const name = document.createElement('code');
    name.textContent = text;
    item.append(time, arrow, name);
    list.prepend(item);
    while (list.childElementCount > maxLogEntries) list.lastElementChild.remove();
  }

  function setStatus(text, level) {
    const status = byId('status');
    if (!status) return;
    status.textContent = text;
    status.dataset.level = level || 'info';
  }

  function currentPersona() {
    return state.personas.find((persona) => persona.key === state.personaKey) || null;
  }

  function push(func, args) {
    if (protocol.push(frame(), func, args)) log('out', func);
  }

  function currentRoute() {
    try {
      const hash = frame().contentWindow.location.hash;
      if (hash && hash !== '#/config') return hash;
    } catch {
      // The frame may show an error page from another origin; fall back to Home.
    }
    return '#/home';
  }

  function loadTab(route) {
    state.load += 1;
    state.appSessionId = crypto.randomUUID();
    state.valid = false;
    const configuring = state.context === 'config';
    const hash = configuring ? '#/config' : route || currentRoute();
    frame().src = `${tabPath}?load=${state.load}${hash}`;
    renderPlacement();
  }

  function onSaved() {
    const settings = state.savedSettings;
    const savedUrl =
      settings && typeof settings.contentUrl === 'string'
        ? new URL(settings.contentUrl, window.location.href)
        : null;
    state.context = 'channel';
    byId('context').value = 'channel';
    rememberChoices();
    if (savedUrl && savedUrl.origin === window.location.origin) {
      setStatus(
        `Saved a channel tab "${settings.suggestedDisplayName || 'LearnFit'}" (entity ${settings.entityId}).`,
        'info',
      );
      loadTab(savedUrl.hash || '#/home');
    } else {
      setStatus('The tab saved without a content URL on this origin; showing Home.', 'warn');
      loadTab('#/home');
    }
  }

  function renderPlacement() {
    const placement = byId('placement');
    const save = byId('config-save');
    const team = state.team;
    if (state.context === 'personal') placement.textContent = 'Personal app';
    else if (team) placement.textContent = `${team.teamName} › ${team.channelName}`;
    else placement.textContent = 'Channel tab (no demo team)';
    save.hidden = state.context !== 'config';
    save.disabled = !state.valid;
  }

  function applyTheme() {
    document.documentElement.dataset.theme = state.theme;
  }

  function rememberChoices() {
    const params = new URLSearchParams({
      persona: state.personaKey,
      theme: state.theme,
      context: state.context,
    });
    window.history.replaceState(null, '', `${window.location.pathname}?${params}`);
  }

  function renderPersonas() {
    const select = byId('persona');
    select.replaceChildren(
      ...state.personas.map((persona) => {
        const option = document.createElement('option');
        option.value = persona.key;
        option.textContent = `${persona.roleLabel} — ${persona.displayName}`;
        return option;
      }),
    );
    if (!currentPersona() && state.personas[0]) state.personaKey = state.personas[0].key;
    select.value = state.personaKey;
    select.disabled = state.personas.length === 0;
    const persona = currentPersona();
    byId('persona-initials').textContent = persona
      ? persona.displayName
          .split(/\s+/)
          .map((part) => part[0])
          .slice(0, 2)
          .join('')
      : '';
  }

  async function loadDirectory() {
    try {
      const response = await fetch('/dev/personas', { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const directory = await response.json();
      state.tenantId = directory.tenantId;
      state.tenantName = directory.tenantName;
      state.personas = Array.isArray(directory.personas) ? directory.personas : [];
      state.team = directory.team || null;
      byId('tenant-name').textContent = `Demo tenant: ${state.tenantName}`;
      byId('context').querySelector('option[value="channel"]').disabled = !state.team;
      byId('context').querySelector('option[value="config"]').disabled = !state.team;
      if (!state.team && state.context !== 'personal') state.context = 'personal';
    } catch (error) {
      setStatus(
        `Could not load the demo people from /dev/personas (${error.message}). Is the server in demo mode?`,
        'error',
      );
    }
    renderPersonas();
    renderPlacement();
    byId('context').value = state.context;
    directoryLoaded();
  }

  function init() {
    applyTheme();
    byId('theme').value = state.theme;
    byId('context').value = state.context;
    renderPlacement();

    byId('persona').addEventListener('change', (event) => {
      state.personaKey = event.target.value;
      renderPersonas();
      rememberChoices();
      setStatus('', 'info');
      loadTab();
    });
    byId('theme').addEventListener('change', (event) => {
      state.theme = pick(event.target.value, themes, 'default');
      applyTheme();
      rememberChoices();
      push('themeChange', [state.theme]);
    });
    byId('context').addEventListener('change', (event) => {
      state.context = pick(event.target.value, contexts, 'personal');
      rememberChoices();
      setStatus('', 'info');
      loadTab(state.context === 'config' ? '#/config' : '#/home');
    });
    byId('sso').addEventListener('change', (event) => {
      state.sso = event.target.value === 'refuse' ? 'refuse' : 'grant';
      setStatus('', 'info');
      loadTab();
    });
    byId('reload').addEventListener('click', () => loadTab());
    byId('config-save').addEventListener('click', () => {
      if (state.valid) push('settings.save', [{}]);
    });
    byId('clear-log').addEventListener('click', () => byId('call-log').replaceChildren());

    // The frame in the page opens Home as a personal app; any other starting choice needs a fresh load.
    if (state.context !== 'personal') loadTab(state.context === 'config' ? '#/config' : '#/home');
    loadDirectory();
  }

  protocol.listen({
    state,
    frame,
    currentPersona,
    directoryReady,
    log,
    onValidity(valid) {
      state.valid = valid;
      byId('config-save').disabled = !valid;
    },
    onSaved,
    onSaveFailed() {
      setStatus('The tab could not save its settings. Check the tab for details.', 'error');
    },
  });
  document.addEventListener('DOMContentLoaded', init);
})();
