/** Wires the page: fields <-> state <-> URL fragment, sample buttons, and rendering. */
import { scenarios, type ScenarioId } from '@graph-authz/core';
import { byId, el } from './dom.js';
import { render, type OutputElements } from './render.js';
import { buildSample } from './samples.js';
import { emptyState, fragmentToContent, sampleFragment, stateToFragment, type PageState } from './state.js';
import { buildViewModel } from './view-model.js';

const fields = {
  status: byId('status', HTMLInputElement),
  headers: byId('headers', HTMLTextAreaElement),
  body: byId('body', HTMLTextAreaElement),
  token: byId('token', HTMLTextAreaElement),
  method: byId('method', HTMLSelectElement),
  url: byId('url', HTMLInputElement),
  shareToken: byId('share-token', HTMLInputElement),
};

const output: OutputElements = {
  diagnosis: byId('diagnosis', HTMLElement),
  path: byId('decision-path', HTMLElement),
  hintsSection: byId('hints-section', HTMLElement),
  hints: byId('hints', HTMLElement),
  token: byId('token-view', HTMLElement),
  permissions: byId('permissions-view', HTMLElement),
};

const copyStatus = byId('copy-status', HTMLElement);

/** The sample shown, until the user edits a field: its link regenerates it, token included. */
let activeSample: ScenarioId | undefined;

function readState(): PageState {
  return {
    status: fields.status.value,
    headers: fields.headers.value,
    body: fields.body.value,
    token: fields.token.value,
    method: fields.method.value,
    url: fields.url.value,
    shareToken: fields.shareToken.checked,
  };
}

function writeState(state: PageState): void {
  fields.status.value = state.status;
  fields.headers.value = state.headers;
  fields.body.value = state.body;
  fields.token.value = state.token;
  fields.method.value = state.method;
  fields.url.value = state.url;
  fields.shareToken.checked = state.shareToken;
}

function refresh(): void {
  try {
    render(buildViewModel(readState(), new Date()), output);
  } catch (error) {
    // A bug must not leave a blank page: say what broke, where the user is already looking.
    const message = error instanceof Error ? error.message : String(error);
    output.diagnosis.replaceChildren(el('p', { class: 'notes', role: 'alert' }, [`The page failed to build the diagnosis: ${message}`]));
  }
  markActiveSample();
}

function updateFragment(): void {
  const fragment = activeSample === undefined ? stateToFragment(readState()) : sampleFragment(activeSample);
  // replaceState: typing must not flood the history, and it fires no hashchange back at us.
  history.replaceState(null, '', fragment === '' ? location.pathname + location.search : fragment);
}

function showSample(scenario: ScenarioId): void {
  activeSample = scenario;
  writeState({ ...buildSample(scenario, new Date()), shareToken: fields.shareToken.checked });
  refresh();
  updateFragment();
}

function loadFragment(): void {
  const content = fragmentToContent(location.hash);
  if (content.kind === 'sample') {
    showSample(content.scenario);
    return;
  }
  activeSample = undefined;
  writeState(content.state);
  refresh();
}

function sampleButtons(): void {
  const list = byId('sample-list', HTMLElement);
  list.replaceChildren(
    ...scenarios.map((scenario) => {
      const button = el('button', { type: 'button', 'data-sample': scenario.id, 'aria-pressed': 'false' }, [scenario.title]);
      button.addEventListener('click', () => {
        showSample(scenario.id);
      });
      return el('li', {}, [button]);
    }),
  );
}

function markActiveSample(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-sample]')) {
    button.setAttribute('aria-pressed', String(button.dataset.sample === activeSample));
  }
}

let pending: ReturnType<typeof setTimeout> | undefined;

function onEdit(): void {
  activeSample = undefined;
  clearTimeout(pending);
  // Re-render once typing pauses: the aria-live region then announces one result, not every key.
  pending = setTimeout(() => {
    refresh();
    updateFragment();
  }, 200);
}

async function copyLink(): Promise<void> {
  updateFragment();
  const withoutToken = fields.token.value.trim() !== '' && !fields.shareToken.checked && activeSample === undefined;
  try {
    await navigator.clipboard.writeText(location.href);
    copyStatus.textContent = withoutToken ? 'Link copied (without the token).' : 'Link copied.';
  } catch {
    copyStatus.textContent = 'Could not copy: copy the address bar instead.';
  }
}

function wire(): void {
  sampleButtons();
  for (const field of [fields.status, fields.headers, fields.body, fields.token, fields.url]) field.addEventListener('input', onEdit);
  fields.method.addEventListener('change', onEdit);
  fields.shareToken.addEventListener('change', updateFragment);
  byId('clear', HTMLButtonElement).addEventListener('click', () => {
    activeSample = undefined;
    writeState(emptyState);
    refresh();
    updateFragment();
  });
  byId('copy-link', HTMLButtonElement).addEventListener('click', () => void copyLink());
  window.addEventListener('hashchange', loadFragment);
  loadFragment();
}

wire();
