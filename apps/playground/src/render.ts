/** Turns the view model into DOM: no decisions here, only presentation. */
import type { DecisionStepView, StepState } from './decision-path.js';
import { el } from './dom.js';
import type { Holding, PermissionRow, PermissionsView, SchemeView } from './permissions.js';
import type { DiagnosisView, TokenView, ViewModel } from './view-model.js';

export interface OutputElements {
  readonly diagnosis: HTMLElement;
  readonly path: HTMLElement;
  readonly hintsSection: HTMLElement;
  readonly hints: HTMLElement;
  readonly token: HTMLElement;
  readonly permissions: HTMLElement;
}

export function render(view: ViewModel, out: OutputElements): void {
  out.diagnosis.replaceChildren(diagnosisCard(view.diagnosis, view.notes));
  out.path.replaceChildren(...view.path.map(pathStep));
  out.hints.replaceChildren(...view.hints.map((hint) => el('li', {}, [hint])));
  out.hintsSection.hidden = view.hints.length === 0;
  out.token.replaceChildren(...tokenSection(view.token));
  out.permissions.replaceChildren(...permissionsSection(view.permissions));
}

function diagnosisCard(diagnosis: DiagnosisView, notes: readonly string[]): HTMLElement {
  const tone = diagnosis.scenario !== undefined ? 'failed' : diagnosis.mode === 'allowed' ? 'allowed' : '';
  const label = diagnosis.mode === 'predicted' ? 'Predicted from the token and request' : undefined;
  return el('article', { class: `diagnosis-card ${tone}`, 'data-scenario': diagnosis.scenario ?? '', 'data-mode': diagnosis.mode }, [
    label !== undefined && el('p', { class: 'small' }, [label]),
    el('h3', { id: 'diagnosis-title' }, [diagnosis.title]),
    diagnosis.scenario !== undefined && el('p', { class: 'scenario-id' }, ['Scenario: ', el('code', {}, [diagnosis.scenario])]),
    el('p', { id: 'diagnosis-summary' }, [diagnosis.summary]),
    el('dl', {}, [
      ...definition('Cause', diagnosis.cause, 'diagnosis-cause'),
      ...definition('Fix', diagnosis.fix, 'diagnosis-fix'),
    ]),
    diagnosis.evidence.length > 0 && evidenceTable(diagnosis),
    diagnosis.docs.length > 0 && docsList(diagnosis),
    notes.length > 0 && el('ul', { class: 'notes' }, notes.map((note) => el('li', {}, [note]))),
  ]);
}

function definition(term: string, text: string | undefined, id: string): Node[] {
  return text === undefined ? [] : [el('dt', {}, [term]), el('dd', { id }, [text])];
}

function evidenceTable(diagnosis: DiagnosisView): HTMLElement {
  const rows = diagnosis.evidence.map((item) =>
    el('tr', {}, [el('td', {}, [item.source]), el('td', { class: 'value' }, [`${item.field}: ${item.value}`]), el('td', {}, [item.note])]),
  );
  return el('details', { class: 'evidence' }, [
    el('summary', {}, [`Evidence (${String(rows.length)})`]),
    el('table', {}, [
      el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, ['Source']), el('th', { scope: 'col' }, ['Field']), el('th', { scope: 'col' }, ['What it says'])])]),
      el('tbody', {}, rows),
    ]),
  ]);
}

function docsList(diagnosis: DiagnosisView): HTMLElement {
  // rel=noreferrer: following a doc link must not tell Microsoft which page (and fragment) it came from.
  const links = diagnosis.docs.map((doc) => el('li', {}, [el('a', { href: doc.url, rel: 'noreferrer noopener', target: '_blank' }, [doc.title])]));
  return el('div', {}, [el('p', { class: 'small' }, ['Docs (open on learn.microsoft.com):']), el('ul', {}, links)]);
}

const stepSymbols: Readonly<Record<StepState, string>> = {
  passed: '✓ passed',
  failed: '✗ failed',
  'not-reached': '– not reached',
  unknown: '? unknown',
};

function pathStep(step: DecisionStepView): HTMLElement {
  return el('li', { class: step.state, 'data-step': step.id, 'data-state': step.state, 'aria-current': step.state === 'failed' ? 'step' : 'false' }, [
    el('span', {}, [step.label]),
    el('span', { class: 'state' }, [stepSymbols[step.state]]),
    step.note !== undefined && el('span', { class: 'step-note' }, [step.note]),
  ]);
}

function tokenSection(token: TokenView): Node[] {
  if (token.kind === 'none') return [el('p', { class: 'small' }, ['No token given.'])];
  if (token.kind === 'malformed') return [el('p', { class: 'notes', id: 'token-error' }, ['Not a JWT: ', token.message])];
  // The page decodes; it cannot verify a signature (no keys, no network), and says so.
  const signature = token.summary.signed
    ? el('span', { class: 'badge' }, [`signed (${token.summary.algorithm}); signature not checked here`])
    : el('span', { class: 'badge warn' }, [`unsigned (alg: ${token.summary.algorithm})`]);
  const rows = token.rows.map((row) =>
    el('tr', row.relevant ? { class: 'key', 'data-claim': row.name } : { 'data-claim': row.name }, [
      el('th', { scope: 'row' }, [row.name]),
      el('td', { class: 'value' }, [row.value]),
      el('td', {}, [row.note ?? '']),
    ]),
  );
  return [
    el('p', { class: 'token-summary' }, [token.summary.kind, ' ', signature]),
    el('table', { id: 'claims-table' }, [
      el('caption', { class: 'small' }, ['★ marks the claims Graph decides on (aud, scp/roles, exp, xms_cc, idtyp).']),
      el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, ['Claim']), el('th', { scope: 'col' }, ['Value']), el('th', { scope: 'col' }, ['Meaning'])])]),
      el('tbody', {}, rows),
    ]),
  ];
}

function permissionsSection(view: PermissionsView): Node[] {
  switch (view.kind) {
    case 'none':
      return [el('p', { class: 'small' }, ['No request given.'])];
    case 'problem':
      return [el('p', { class: 'notes' }, [view.message])];
    case 'unknown-operation':
      return [el('p', {}, [`${view.method} ${view.url}: not an operation the permission catalog knows.`])];
    case 'known':
      return [
        el('p', {}, [el('code', {}, [`${view.method} ${view.template}`]), ' is granted by any one of these:']),
        el('p', { class: 'small legend' }, ['✓ the token has it · ✗ the token lacks it · thick border: least privileged']),
        ...view.schemes.map(schemeBlock),
      ];
  }
}

const holdingMarks: Readonly<Record<Holding, { symbol: string; words: string }>> = {
  has: { symbol: '✓ ', words: ' (the token has it)' },
  lacks: { symbol: '✗ ', words: ' (the token lacks it)' },
  unknown: { symbol: '', words: '' },
};

function permissionItem(permission: PermissionRow): HTMLElement {
  const classes = ['perm', permission.holding, permission.leastPrivileged ? 'least' : ''].join(' ').trim();
  const mark = holdingMarks[permission.holding];
  const hidden = `${permission.leastPrivileged ? ' (least privileged)' : ''}${mark.words}`;
  const also = permission.alsoRequires.length > 0 ? ` + one of ${permission.alsoRequires.join(', ')}` : '';
  return el('li', { class: classes, 'data-permission': permission.name, 'data-holding': permission.holding }, [
    el('span', { 'aria-hidden': 'true' }, [mark.symbol]),
    permission.name,
    also,
    hidden !== '' && el('span', { class: 'visually-hidden' }, [hidden]),
  ]);
}

/** The least-privileged and the held permissions up front; the many others folded away. */
function schemeBlock(scheme: SchemeView): HTMLElement {
  const upFront = scheme.permissions.filter((p) => p.leastPrivileged || p.holding === 'has');
  const others = scheme.permissions.filter((p) => !upFront.includes(p));
  return el('section', { class: 'scheme', 'data-scheme': scheme.scheme }, [
    el('h4', {}, [scheme.label]),
    scheme.tokenNote !== undefined && el('p', { class: 'small' }, [scheme.tokenNote]),
    el('ul', { class: 'perm-list' }, upFront.map(permissionItem)),
    others.length > 0 &&
      el('details', {}, [
        el('summary', { class: 'small' }, [`${String(others.length)} more that also grant it`]),
        el('ul', { class: 'perm-list' }, others.map(permissionItem)),
      ]),
  ]);
}
