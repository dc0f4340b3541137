import { describe, expect, it } from 'vitest';
import { emptyState, fragmentToContent, sampleFragment, stateToFragment, type PageState } from '../src/state.js';

const filled: PageState = {
  status: '403',
  headers: 'request-id: 1\nclient-request-id: 2',
  body: '{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges & more = #hash"}}',
  token: 'eyJhbGciOiJub25lIn0.eyJzY3AiOiJVc2VyLlJlYWQifQ.',
  method: 'PATCH',
  url: 'https://graph.microsoft.com/v1.0/users/a?$select=id&x=1#frag',
  shareToken: false,
};

describe('URL fragment state', () => {
  it('round-trips every field except the token, which stays out by default', () => {
    const fragment = stateToFragment(filled);
    expect(fragment.startsWith('#')).toBe(true);
    expect(fragment).not.toContain('token');
    expect(fragment).not.toContain('eyJ');
    expect(fragmentToContent(fragment)).toEqual({ kind: 'state', state: { ...filled, token: '' } });
  });

  it('includes the token only when the user asked to share it', () => {
    const shared = { ...filled, shareToken: true };
    const fragment = stateToFragment(shared);
    expect(fragment).toContain('token=eyJ');
    expect(fragmentToContent(fragment)).toEqual({ kind: 'state', state: shared });
  });

  it('ignores a token in a link that does not say it was shared on purpose', () => {
    const content = fragmentToContent('#status=401&token=eyJhbGciOiJub25lIn0.e30.');
    expect(content).toEqual({ kind: 'state', state: { ...emptyState, status: '401' } });
  });

  it('writes nothing for the empty state, and reads an empty fragment as it', () => {
    expect(stateToFragment(emptyState)).toBe('');
    expect(fragmentToContent('')).toEqual({ kind: 'state', state: emptyState });
    expect(fragmentToContent('#')).toEqual({ kind: 'state', state: emptyState });
  });

  it('names a sample by its scenario id, and ignores an unknown one', () => {
    expect(fragmentToContent(sampleFragment('expired-token'))).toEqual({ kind: 'sample', scenario: 'expired-token' });
    expect(fragmentToContent('#sample=no-such-scenario')).toEqual({ kind: 'state', state: emptyState });
  });
});
