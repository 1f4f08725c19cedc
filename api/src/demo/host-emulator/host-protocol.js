// The teams-js side of the Teams host emulator (demo only): answers the tab over postMessage the way Teams
// does (teams-platform.md §3.2). Plain script, no build step; host.js owns the page state and the controls.
'use strict';

window.LearnFitHostProtocol = (function hostProtocol() {
  const hostSdkVersion = '2.58.0';
  const runtimeConfig = {
    apiVersion: 4,
    isLegacyTeams: false,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    supports: { pages: { config: {}, tabs: {}, currentApp: {} }, teamsCore: {} },
  };
  // Calls teams-js sends without waiting for an answer.
  const oneWay = new Set([
    'registerHandler',
    'settings.setValidityState',
    'appInitialization.success',
    'appInitialization.failure',
    'appInitialization.appLoaded',
    'appInitialization.expectedFailure',
    'settings.save.success',
    'settings.save.failure',
    'settings.remove.success',
    'settings.remove.failure',
  ]);
  // Calls the emulator answers.
  const answered = new Set([
    'initialize',
    'getContext',
    'authentication.getAuthToken',
    'settings.setSettings',
  ]);
  const notSupportedOnPlatform = 100; // teams-js ErrorCode.NOT_SUPPORTED_ON_PLATFORM

  /** The frame context Teams reports: the "add a tab" dialog runs in `settings`, tabs in `content`. */
  function frameContextFor(context) {
    return context === 'config' ? 'settings' : 'content';
  }

  /** The flat, legacy context object teams-js maps into `app.Context`. */
  function legacyContext(state, persona) {
    const context = {
      entityId: state.context === 'personal' ? 'learnfit-home' : 'learnfit-team',
      frameContext: frameContextFor(state.context),
      locale: 'en-us',
      theme: state.theme,
      hostName: 'Teams',
      hostClientType: 'web',
      appSessionId: state.appSessionId,
      isFullScreen: false,
    };
    if (state.tenantId) context.tid = state.tenantId;
    if (persona) {
      Object.assign(context, {
        userObjectId: persona.userId,
        userPrincipalName: persona.userPrincipalName,
        loginHint: persona.userPrincipalName,
        userDisplayName: persona.displayName,
      });
    }
    if (state.context !== 'personal' && state.team) {
      Object.assign(context, {
        teamId: state.team.teamId,
        groupId: state.team.groupId,
        channelId: state.team.channelId,
        teamName: state.team.teamName,
        channelName: state.team.channelName,
        channelType: 'Regular',
        teamType: 0,
        userTeamRole: 1,
      });
    }
    return context;
  }

  /** `[true, token]` from the identity simulator for the persona, or `[false, reason]` as Teams answers. */
  async function requestToken(state, persona) {
    if (state.sso === 'refuse') return [false, 'The host emulator is set to refuse single sign-on.'];
    if (!persona) return [false, 'No demo person is selected in the host emulator.'];
    try {
      const response = await fetch('/dev/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId: persona.userId }),
      });
      const body = response.ok ? await response.json() : null;
      if (body && typeof body.token === 'string') return [true, body.token];
      return [false, `The identity simulator did not issue a token (HTTP ${response.status}).`];
    } catch {
      return [false, 'The identity simulator could not be reached.'];
    }
  }

  /** The log line for a call: its name, plus the handler name or validity flag, never a token. */
  function describeCall(message) {
    const first = Array.isArray(message.args) ? message.args[0] : undefined;
    if (message.func === 'registerHandler' && typeof first === 'string') return `registerHandler (${first})`;
    if (message.func === 'settings.setValidityState') return `settings.setValidityState (${Boolean(first)})`;
    return message.func;
  }

  async function answer(host, message, reply) {
    const state = host.state;
    const first = Array.isArray(message.args) ? message.args[0] : undefined;
    switch (message.func) {
      case 'initialize':
        reply(frameContextFor(state.context), 'web', JSON.stringify(runtimeConfig), hostSdkVersion);
        return;
      case 'getContext':
        await host.directoryReady;
        reply(legacyContext(state, host.currentPersona()));
        return;
      case 'authentication.getAuthToken':
        await host.directoryReady;
        reply(...(await requestToken(state, host.currentPersona())));
        return;
      case 'settings.setSettings':
        state.savedSettings = first && typeof first === 'object' ? first : null;
        reply(true);
        return;
      case 'settings.setValidityState':
        host.onValidity(Boolean(first));
        return;
      case 'settings.save.success':
        host.onSaved();
        return;
      case 'settings.save.failure':
        host.onSaveFailed();
        return;
      default:
        if (oneWay.has(message.func)) return;
        console.warn(`[host emulator] teams-js call not emulated: ${message.func}`);
        reply({
          errorCode: notSupportedOnPlatform,
          message: `${message.func} is not emulated by the LearnFit demo host.`,
        });
    }
  }

  /**
   * Starts answering the framed tab. `host` supplies the page state and callbacks: state, frame(),
   * currentPersona(), directoryReady, log(), onValidity(), onSaved(), onSaveFailed().
   */
  function listen(host) {
    window.addEventListener('message', (event) => {
      const tab = host.frame();
      if (!tab || event.source !== tab.contentWindow) return;
      if (event.origin !== window.location.origin) {
        console.warn(`[host emulator] ignored a message from ${event.origin}`);
        return;
      }
      const message = event.data;
      if (!message || typeof message.func !== 'string') return;
      if (answered.has(message.func) || oneWay.has(message.func)) host.log('in', describeCall(message));
      else host.log('in', `${message.func} (not emulated)`, 'warn');
      const load = host.state.load;
      const reply = (...args) => {
        // The frame's window object survives navigation; never answer a page that has since been replaced.
        if (load !== host.state.load) return;
        event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
      };
      answer(host, message, reply).catch((error) => {
        console.error('[host emulator] failed to answer', message.func, error);
      });
    });
  }

  /** Sends a host event (no id) such as `themeChange` or `settings.save` to the tab. */
  function push(tab, func, args) {
    if (!tab || !tab.contentWindow) return false;
    tab.contentWindow.postMessage({ func, args }, window.location.origin);
    return true;
  }

  return { listen, push, frameContextFor };
})();
