/**
 * The page's state (what is in the input fields) and its URL-fragment form. The fragment never
 * leaves the browser (it is not sent to any server), and the token goes into it only when the user
 * ticks "include the token": a shared link must not leak a credential by accident.
 */
import { isScenarioId, type ScenarioId } from '@graph-authz/core';

export interface PageState {
  readonly status: string;
  readonly headers: string;
  readonly body: string;
  readonly token: string;
  readonly method: string;
  readonly url: string;
  /** The user asked for the token to be part of the shareable link. */
  readonly shareToken: boolean;
}

/** What a fragment asks for: a built-in sample (regenerated on load), or explicit field values. */
export type FragmentContent =
  | { readonly kind: 'sample'; readonly scenario: ScenarioId }
  | { readonly kind: 'state'; readonly state: PageState };

export const emptyState: PageState = {
  status: '',
  headers: '',
  body: '',
  token: '',
  method: 'GET',
  url: '',
  shareToken: false,
};

const textFields = ['status', 'headers', 'body', 'method', 'url'] as const;

/** The fragment (with its leading '#') for `state`; the token only when `state.shareToken`. */
export function stateToFragment(state: PageState): string {
  const params = new URLSearchParams();
  for (const field of textFields) {
    if (state[field] !== '' && state[field] !== emptyState[field]) params.set(field, state[field]);
  }
  if (state.shareToken) {
    params.set('share-token', '1');
    if (state.token !== '') params.set('token', state.token);
  }
  const query = params.toString();
  return query === '' ? '' : `#${query}`;
}

export function sampleFragment(scenario: ScenarioId): string {
  return `#sample=${scenario}`;
}

/** Reads a fragment (with or without '#'); unknown keys and an unknown sample are ignored. */
export function fragmentToContent(fragment: string): FragmentContent {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const sample = params.get('sample');
  if (sample !== null && isScenarioId(sample)) return { kind: 'sample', scenario: sample };
  const shareToken = params.get('share-token') === '1';
  const state: PageState = {
    status: params.get('status') ?? emptyState.status,
    headers: params.get('headers') ?? emptyState.headers,
    body: params.get('body') ?? emptyState.body,
    method: params.get('method') ?? emptyState.method,
    url: params.get('url') ?? emptyState.url,
    // A token only counts when the link says it was shared on purpose.
    token: shareToken ? (params.get('token') ?? '') : '',
    shareToken,
  };
  return { kind: 'state', state };
}
